"""``python3 -m tools.site``: build the static site into build/site/ (``make site``)."""

import sys

from tools.site.build import main

sys.exit(main())
