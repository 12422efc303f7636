"""``python -m prclean`` is the ``prclean`` command."""

import sys

from .cli import main

sys.exit(main())
