import sys

try:
    from shopkeeper.cli import main
except KeyboardInterrupt:
    # Ctrl-C while Python is still loading: nothing has been opened yet.
    sys.exit(130)

sys.exit(main())
