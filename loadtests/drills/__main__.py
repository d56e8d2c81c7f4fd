import sys

from loadtests.drills.runner import main

sys.exit(main())
