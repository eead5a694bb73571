import sys

from shopkeeper.cli import main

sys.exit(main())
