"""Scale-out drill: app hosts in their own network namespaces behind HAProxy, sharing one private
PostgreSQL and one private Redis (`python -m loadtests.scaleout --help`)."""
