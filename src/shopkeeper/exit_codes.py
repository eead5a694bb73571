"""What the `shopkeeper` command returns, for scripts that check it."""

EXIT_FAILED = 1
# The shop file is damaged, locked, full or not a shop: the seller must act on the shop itself.
EXIT_SHOP_FAULT = 2
# The shell's convention for a command stopped by Ctrl-C (128 + SIGINT).
EXIT_INTERRUPTED = 130
# The shell's convention for a command whose reader closed the pipe (128 + SIGPIPE), as `head` does.
EXIT_BROKEN_PIPE = 141
