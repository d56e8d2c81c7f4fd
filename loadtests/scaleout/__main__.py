import sys

from loadtests.scaleout.runner import main

sys.exit(main())
