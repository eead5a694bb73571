"""Built-in platform formats; importing this package registers them (see formats.py).

Each module registers its FormatSpecs at import time. To add a platform, add
its module here (the order does not matter: recognition scores every spec).
"""

from shopkeeper.importers.platforms import amazon, ebay, etsy, shopify, woocommerce  # noqa: F401
from shopkeeper.importers.platforms import douyin, jd, pinduoduo, taobao, taobao_assistant, youzan  # noqa: F401
