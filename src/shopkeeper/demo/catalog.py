"""The demo shop's catalogue: Clay & Leaf (陶叶), handmade ceramics, tea and home goods.

Prices are in whole yuan (the base currency); each platform shop derives its own
price from it (Douyin a little lower, the Western shops in US dollars with a
margin for international shipping). Costs keep margins between about 35% and 70%.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import numpy as np

from shopkeeper.demo.calendar import SHOPS

BRAND = "Clay & Leaf"
BRAND_ZH = "陶叶"

COLOURS = {
    "OAT": ("Oat White", "燕麦白"), "MOS": ("Moss Green", "苔绿"), "SMK": ("Smoke Grey", "烟灰"),
    "OCH": ("Ochre", "赭石"), "MST": ("Mist Blue", "雾蓝"), "INK": ("Ink Black", "墨黑"),
    "CEL": ("Celadon", "青瓷"), "MWH": ("Moon White", "月白"), "CLR": ("Clear", "透明"),
    "AMB": ("Amber", "琥珀"), "BRZ": ("Bronze", "古铜"), "NAT": ("Natural", "米白"),
    "IND": ("Indigo", "靛蓝"), "RST": ("Rust", "锈红"), "SNW": ("Snow", "雪白"),
    "PIN": ("Pine", "松绿"), "BLS": ("Blush", "樱粉"), "WHT": ("White", "白瓷"),
}

# Etsy titles carry search phrases after the product name.
_ETSY_TAIL = {
    "Mugs & Cups": "Handmade Ceramic Gift for Coffee and Tea Lovers",
    "Teapots": "Handmade Tea Pot, Gongfu Tea Gift",
    "Tea Sets": "Ceramic Tea Set Gift, Housewarming Present",
    "Tableware": "Handmade Stoneware Dinnerware, Rustic Kitchen Decor",
    "Vases": "Minimalist Ceramic Vase, Wabi Sabi Home Decor",
    "Tea": "Loose Leaf Chinese Tea Gift",
    "Home": "Cozy Home Decor Gift",
}

# Taobao titles are stuffed with search words up to the platform's 60-byte limit; a few go past
# it, or carry a word China's Advertising Law forbids (顶级, 极品, 第一): the listing checks find them.
_TAOBAO_TAIL = {
    "POT-HAND": "家用泡茶壶 日式复古功夫茶具 大容量送礼",
    "GAIWAN": "顶级白瓷 三才碗",
    "TEA-LJ": "极品 新茶",
    "SET-GONG": "家用客厅 高档礼盒装 全网销量第一",
}
# One Etsy title runs past Etsy's 140 characters.
_ETSY_LONG_TAIL = {
    "SET-GONG": "Complete Chinese Gongfu Tea Ceremony Set with Teapot, Cups, Pitcher and Tray, "
                "Housewarming and Wedding Gift",
}
# Douyin clears the gift box at three quarters of the Taobao price: a price spread to look at.
_DOUYIN_PRICE_PCT = {"SET-GIFT": 75}
# Listing pages: the Taobao detail page of the tasting cup boasts (最受欢迎), the new dripper has no
# Shopify photos yet, the tea towel has no Etsy description.
_TAOBAO_BOAST = {"CUP-PIN": "本店最受欢迎的品茗杯，"}
_NO_SHOPIFY_IMAGES = {"DRIPPER"}
_NO_ETSY_DESCRIPTION = {"TOWEL"}

# Bundles the demo seller has set up (services/bundles.py): the oat gift box is a teapot and four espresso cups,
# the tasting cup's sets of 2 and 4 are multipacks of the single cup.
BUNDLES: dict[str, list[tuple[str, int]]] = {
    "CL-SET-GIFT-OAT": [("CL-POT-HAND-OAT", 1), ("CL-CUP-ESP-OAT", 4)],
    "CL-CUP-PIN-TWO": [("CL-CUP-PIN-ONE", 2)],
    "CL-CUP-PIN-FOUR": [("CL-CUP-PIN-ONE", 4)],
}

# code, category, English title, Chinese title, base price (yuan), weight g, options,
# cost ratio, popularity (cn, west), lead time days, shops (T D S E), launched days before today
# (None = before the history), discontinued {option: days before today}.
# An option is a colour code or (code, English, Chinese, price, weight).
_Option = str | tuple[str, str, str, int, int]
_Product = tuple[str, str, str, str, int, int, list[_Option], float, tuple[float, float], int, str, int | None,
                 dict[str, int]]
_P: list[_Product] = [
    ("MUG-RUS", "Mugs & Cups", "Handmade Stoneware Mug 350 ml", "手工粗陶马克杯 350ml", 89, 420,
     ["OAT", "MOS", "SMK", "OCH", "MST"], .38, (9, 12), 21, "TDSE", None, {}),
    ("MUG-TALL", "Mugs & Cups", "Tall Stoneware Mug 450 ml", "高身粗陶马克杯 450ml", 99, 480,
     ["OAT", "MST", "INK"], .40, (5, 7), 21, "TDSE", None, {"INK": 210}),
    ("CUP-PIN", "Mugs & Cups", "Wood-fired Tasting Cup", "柴烧品茗杯", 58, 90,
     [("ONE", "Single cup", "单只", 58, 90), ("TWO", "Set of 2", "两只装", 108, 190),
      ("FOUR", "Set of 4", "四只装", 198, 380)], .42, (8, 3), 28, "TDSE", None, {}),
    ("CUP-ESP", "Mugs & Cups", "Pinched Espresso Cup 80 ml", "手捏浓缩咖啡杯 80ml", 45, 110,
     ["OAT", "MOS", "OCH"], .40, (3, 6), 21, "TDSE", None, {}),
    ("CUP-CEL", "Mugs & Cups", "Celadon Master Cup", "青瓷主人杯", 128, 120,
     ["CEL", "MWH"], .45, (5, 2), 30, "TDSE", None, {}),
    ("TUMB", "Mugs & Cups", "Glass Cold Brew Tumbler 400 ml", "玻璃冷萃杯 400ml", 69, 260,
     ["CLR", "AMB"], .50, (4, 3), 10, "TDS", 300, {}),
    ("CUP-TRV", "Mugs & Cups", "Ceramic Travel Cup 300 ml", "陶瓷随行杯 300ml", 139, 380,
     ["OAT", "INK", "MST"], .46, (4, 4), 21, "TDSE", None, {}),
    ("MUG-WIN", "Mugs & Cups", "Winter Edition Mug", "冬日限定马克杯", 109, 440,
     ["SNW", "PIN"], .40, (3, 5), 21, "TDSE", 420, {}),
    ("CUP-SAK", "Mugs & Cups", "Sakura Glaze Tasting Cup", "樱花釉品茗杯", 68, 95,
     ["BLS", "WHT"], .42, (6, 3), 28, "TDSE", 120, {}),
    ("POT-SIDE", "Teapots", "Side-handle Teapot 250 ml", "侧把壶 250ml", 268, 420,
     ["SMK", "OCH"], .48, (5, 3), 30, "TDSE", None, {}),
    ("POT-HAND", "Teapots", "Handmade Teapot 600 ml", "手工粗陶茶壶 600ml", 328, 780,
     ["OAT", "MOS"], .50, (3, 4), 30, "TDSE", None, {}),
    ("GAIWAN", "Teapots", "Porcelain Gaiwan 150 ml", "白瓷盖碗 150ml", 88, 210,
     [("WHT", "White", "白瓷", 88, 210), ("CEL", "Celadon", "青瓷", 118, 210),
      ("ORC", "Hand-painted Orchid", "手绘兰花", 168, 215)], .42, (9, 3), 25, "TDSE", None, {}),
    ("PITCHER", "Teapots", "Fairness Pitcher", "公道杯", 49, 200,
     [("GLS", "Glass 250 ml", "玻璃 250ml", 49, 200), ("CER", "Ceramic 200 ml", "陶瓷 200ml", 79, 260)],
     .45, (6, 2), 14, "TDSE", None, {}),
    ("KETTLE", "Teapots", "Cast Iron Kettle 1.2 L", "铸铁壶 1.2L", 568, 2300,
     ["INK", "BRZ"], .58, (2, 1), 30, "TDS", None, {}),
    ("SET-TRAV", "Tea Sets", "Travel Tea Set", "旅行茶具套装", 198, 650,
     [("P2", "1 pot + 2 cups", "一壶两杯", 198, 650), ("P4", "1 pot + 4 cups", "一壶四杯", 268, 900)],
     .48, (6, 4), 21, "TDSE", None, {}),
    ("SET-GIFT", "Tea Sets", "Tea Ware Gift Box", "茶具礼盒", 688, 1900,
     ["OAT", "CEL"], .55, (3, 3), 30, "TDS", None, {}),
    ("SET-GONG", "Tea Sets", "Gongfu Tea Set, 8 pieces", "功夫茶具八件套", 458, 1600,
     [("WHT", "White porcelain", "白瓷", 458, 1600), ("WDF", "Wood-fired", "柴烧", 598, 1700)],
     .52, (4, 2), 30, "TDSE", None, {}),
    ("BOWL-RICE", "Tableware", "Handmade Rice Bowl 12 cm", "手工粗陶饭碗 12cm", 59, 300,
     ["OAT", "MOS", "SMK", "OCH"], .40, (7, 5), 21, "TDSE", None, {}),
    ("BOWL-RAMEN", "Tableware", "Stoneware Ramen Bowl 18 cm", "粗陶大面碗 18cm", 119, 650,
     ["OAT", "INK", "MST"], .44, (5, 5), 21, "TDSE", None, {}),
    ("PLATE", "Tableware", "Stoneware Dinner Plate", "粗陶餐盘", 79, 520,
     [("20OAT", "20 cm / Oat White", "20cm 燕麦白", 79, 520), ("20SMK", "20 cm / Smoke Grey", "20cm 烟灰", 79, 520),
      ("26OAT", "26 cm / Oat White", "26cm 燕麦白", 119, 820), ("26SMK", "26 cm / Smoke Grey", "26cm 烟灰", 119, 820)],
     .42, (6, 6), 21, "TDSE", None, {}),
    ("DISH", "Tableware", "Sauce Dishes, set of 4", "小味碟 四只装", 68, 280,
     ["OAT", "MOS", ("MIX", "Mixed", "混色", 68, 280)], .40, (4, 3), 21, "TDSE", None, {"MIX": 160}),
    ("BOWL-SALAD", "Tableware", "Salad Serving Bowl 24 cm", "沙拉大碗 24cm", 189, 1100,
     ["OAT", "MOS"], .46, (2, 3), 21, "TDSE", None, {}),
    ("VASE-BUD", "Vases", "Bud Vase", "小花器", 79, 260,
     ["OAT", "MOS", "OCH", "INK"], .36, (6, 9), 21, "TDSE", None, {}),
    ("VASE-TALL", "Vases", "Tall Vase 30 cm", "高身花瓶 30cm", 259, 1400,
     ["OAT", "SMK"], .50, (3, 3), 30, "TDS", None, {}),
    ("VASE-MOON", "Vases", "Moon Vase", "月瓶", 168, 700,
     [("S", "Small", "小号", 168, 700), ("L", "Large", "大号", 298, 1300)], .45, (3, 5), 30, "TDSE", None, {}),
    ("TEA-LJ", "Tea", "Longjing Green Tea, pre-Qingming", "明前龙井 绿茶", 98, 70,
     [("50G", "50 g", "50g", 98, 70), ("100G", "100 g", "100g", 178, 130), ("250G", "250 g", "250g", 398, 300)],
     .42, (10, 3), 10, "TDS", None, {}),
    ("TEA-BAI", "Tea", "Fuding White Peony Tea", "福鼎白茶 白牡丹", 68, 70,
     [("50G", "50 g", "50g", 68, 70), ("100G", "100 g", "100g", 118, 130), ("CAKE", "200 g cake", "200g 茶饼", 198, 260)],
     .38, (9, 3), 10, "TDSE", None, {}),
    ("TEA-PUER", "Tea", "Ripe Pu-erh Tea", "普洱熟茶", 88, 130,
     [("BRICK", "100 g brick", "100g 砖", 88, 130), ("CAKE", "357 g cake", "357g 饼", 238, 420)],
     .40, (6, 2), 10, "TDS", None, {}),
    ("TEA-DC", "Tea", "Phoenix Dancong Oolong", "凤凰单丛 乌龙茶", 88, 70,
     [("50G", "50 g", "50g", 88, 70), ("100G", "100 g", "100g", 158, 130)], .40, (6, 2), 10, "TDSE", None, {}),
    ("TEA-JAS", "Tea", "Jasmine Pearls", "茉莉龙珠 花茶", 58, 70,
     [("50G", "50 g", "50g", 58, 70), ("100G", "100 g", "100g", 98, 130)], .34, (7, 4), 10, "TDSE", None, {}),
    ("TEA-LS", "Tea", "Lapsang Souchong Black Tea", "正山小种 红茶", 62, 70,
     [("50G", "50 g", "50g", 62, 70), ("100G", "100 g", "100g", 108, 130)], .36, (5, 3), 10, "TDSE", None, {}),
    ("TEA-SAMP", "Tea", "Tea Sampler, 6 x 8 g", "茶样品尝装 6×8g", 79, 120,
     [("BOX", "One box", "单盒", 79, 120)], .35, (5, 5), 7, "TDSE", None, {}),
    ("INC-HOLD", "Home", "Ceramic Incense Holder", "陶瓷香插", 39, 120,
     ["OAT", "MOS", "INK"], .32, (5, 8), 14, "TDSE", None, {}),
    ("INC-STICK", "Home", "Incense Sticks, 60 pcs", "天然线香 60支", 49, 80,
     [("AGW", "Agarwood", "沉香", 49, 80), ("SDL", "Sandalwood", "檀香", 49, 80), ("PNE", "Pine", "松木", 49, 80)],
     .30, (7, 6), 10, "TDSE", None, {}),
    ("COASTER", "Home", "Handmade Coasters, set of 4", "手工杯垫 四只装", 59, 320,
     [("CER", "Ceramic", "陶瓷", 59, 320), ("RSH", "Rush grass", "蔺草", 39, 90)], .36, (4, 5), 14, "TDSE", None, {}),
    ("CANDLE", "Home", "Soy Candle in Ceramic Jar", "大豆香薰蜡烛 陶瓷杯", 128, 380,
     [("WTE", "White Tea", "白茶", 128, 380), ("OSM", "Osmanthus", "桂花", 128, 380), ("CDR", "Cedar", "雪松", 128, 380)],
     .38, (4, 7), 14, "TDSE", 500, {}),
    ("NAPKIN", "Home", "Linen Napkins, set of 2", "亚麻餐巾 两条装", 69, 140,
     ["NAT", "IND", "RST"], .40, (2, 4), 14, "TDSE", None, {}),
    ("TOWEL", "Home", "Tea Towel", "茶巾", 29, 60, ["NAT", "IND"], .35, (5, 2), 14, "TDSE", None, {}),
    ("TRAY", "Home", "Bamboo Tea Tray", "竹制茶盘", 168, 1200,
     [("S", "Small, 30 cm", "小号 30cm", 168, 1200), ("L", "Large, 45 cm", "大号 45cm", 258, 2100)],
     .52, (4, 1), 21, "TDS", None, {}),
    ("SCOOP", "Home", "Tea Scoop and Needle Set", "茶则茶针套装", 39, 60,
     [("BMB", "Bamboo", "竹", 39, 60), ("EBN", "Ebony", "黑檀", 69, 70)], .34, (4, 2), 14, "TDSE", None, {}),
    ("CADDY", "Home", "Tin Tea Caddy", "锡罐茶叶罐", 79, 150,
     [("S", "Small, holds 100 g", "小号 装100g", 79, 150), ("L", "Large, holds 250 g", "大号 装250g", 129, 260)],
     .45, (4, 2), 21, "TDSE", None, {}),
    ("SPOON", "Tableware", "Ceramic Spoons, set of 2", "陶瓷汤勺 两只装", 35, 80,
     ["OAT", "MOS"], .35, (3, 2), 14, "TSE", None, {}),
    ("CHOPSTICK", "Tableware", "Wooden Chopsticks, 5 pairs", "天然木筷 五双装", 45, 120,
     [("WNG", "Wenge", "鸡翅木", 45, 120), ("JUJ", "Jujube", "枣木", 45, 120)], .33, (3, 2), 14, "TSE", None, {}),
    ("BOARD", "Home", "Walnut Serving Board", "胡桃木托盘", 129, 600,
     [("S", "Small", "小号", 129, 600), ("L", "Large", "大号", 199, 1000)], .50, (2, 4), 21, "TDSE", None, {}),
    ("PLANTER", "Home", "Ceramic Planter with Saucer", "陶瓷花盆 带托盘", 69, 450,
     [("10OAT", "10 cm / Oat White", "10cm 燕麦白", 69, 450), ("10MOS", "10 cm / Moss Green", "10cm 苔绿", 69, 450),
      ("15OAT", "15 cm / Oat White", "15cm 燕麦白", 109, 900), ("15MOS", "15 cm / Moss Green", "15cm 苔绿", 109, 900)],
     .40, (3, 5), 21, "TDSE", None, {}),
    ("DRIPPER", "Mugs & Cups", "Ceramic Pour-over Dripper", "陶瓷手冲滤杯", 119, 350,
     ["OAT", "INK"], .44, (4, 5), 21, "TDSE", 240, {}),
]

# Seasonal products sell only in these months.
SEASONAL_MONTHS = {"MUG-WIN": (10, 11, 12, 1, 2)}


@dataclass
class Catalog:
    """Column arrays, one entry per SKU (products in `product_*`)."""

    product_ids: list[str]
    product_titles: list[str]
    product_categories: list[str]
    product_launch: list[date]
    sku: list[str]
    product_of: np.ndarray  # index into product_*
    option_en: list[str]
    option_zh: list[str]
    price: np.ndarray  # base price, CNY cents
    cost: np.ndarray  # CNY cents
    weight: np.ndarray  # grams
    barcode: list[str]
    lead_time: np.ndarray
    pop_cn: np.ndarray
    pop_west: np.ndarray
    launch_idx: np.ndarray  # first history-day index it can sell (may be negative)
    end_idx: np.ndarray  # last history-day index it can sell
    active: np.ndarray
    seasonal: list[tuple[int, ...] | None]
    listed: np.ndarray  # (skus, shops) bool
    shop_price: np.ndarray  # (skus, shops) cents in the shop's currency
    listing_id: list[list[str]]  # [shop][sku]
    title: list[list[str]]  # [shop][sku]
    variant_text: list[list[str]]  # [shop][sku]
    description: list[list[str | None]]  # [shop][sku]; None: the platform's export says nothing of it
    image_count: list[list[int | None]]  # [shop][sku]

    @property
    def n(self) -> int:
        return len(self.sku)


def _ean13(body12: str) -> str:
    total = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(body12))
    return body12 + str((10 - total % 10) % 10)


def _shop_price(base_cents: int, shop_key: str) -> int:
    if shop_key == "taobao":
        return base_cents
    if shop_key == "douyin":  # a little under Taobao, ending in .90
        return (base_cents * 95 // 10000) * 100 - 10
    # Western shops: international margin, Shopify ends in .95, Etsy in .99 (a touch higher for fees).
    factor, ending = (160, 5) if shop_key == "shopify" else (168, 1)
    dollars = -(-base_cents * factor // (710 * 100))  # ceil(base × factor% / 7.10)
    return dollars * 100 - ending


def build_catalog(today: date, history: int, rng: np.random.Generator) -> Catalog:
    c: dict[str, list[Any]] = {k: [] for k in (  # one column each, of mixed types
        "product_ids", "product_titles", "product_categories", "product_launch", "sku", "product_of",
        "option_en", "option_zh", "price", "cost", "weight", "barcode", "lead_time", "pop_cn", "pop_west",
        "launch_idx", "end_idx", "active", "seasonal", "listed")}
    first_day = today - timedelta(days=history - 1)
    zh_titles: list[str] = []
    en_titles: list[str] = []
    codes: list[str] = []
    for p_i, (code, cat, en, zh, price, weight, options, cost_ratio, pop, lead, shops, launched, gone) in enumerate(_P):
        product_id = f"CL-{code}"
        if launched is None:
            launch = first_day - timedelta(days=int(rng.integers(60, 900)))
        else:
            launch = today - timedelta(days=launched)
        c["product_ids"].append(product_id)
        c["product_titles"].append(en)
        c["product_categories"].append(cat)
        c["product_launch"].append(launch)
        n_opts = len(options)
        for o_i, opt in enumerate(options):
            if isinstance(opt, str):
                opt_code, (opt_en, opt_zh), opt_price, opt_weight = opt, COLOURS[opt], price, weight
            else:
                opt_code, opt_en, opt_zh, opt_price, opt_weight = opt
            c["sku"].append(f"{product_id}-{opt_code}")
            c["product_of"].append(p_i)
            c["option_en"].append(opt_en)
            c["option_zh"].append(opt_zh)
            c["price"].append(opt_price * 100)
            ratio = min(0.62, max(0.30, cost_ratio + float(rng.normal(0, 0.025))))
            c["cost"].append(int(round(opt_price * 100 * ratio)))
            c["weight"].append(opt_weight)
            c["barcode"].append(_ean13(f"6975{p_i + 11:03d}{o_i + 1:02d}{len(c['sku']) % 1000:03d}"))
            c["lead_time"].append(lead)
            # First option sells best; more expensive options sell less.
            share = (1.6 if o_i == 0 else 1.0) * (price / opt_price) ** 0.6 / n_opts
            c["pop_cn"].append(pop[0] * share)
            c["pop_west"].append(pop[1] * share)
            c["launch_idx"].append((launch - first_day).days)
            end = history - 1 - gone[opt_code] if opt_code in gone else history - 1
            c["end_idx"].append(end)
            c["active"].append(opt_code not in gone)
            c["seasonal"].append(SEASONAL_MONTHS.get(code))
            c["listed"].append([k in shops for k in "TDSE"])
            zh_titles.append(zh)
            en_titles.append(en)
            codes.append(code)

    n = len(c["sku"])
    price_arr = np.array(c["price"], dtype=np.int64)
    shop_price = np.array([[_shop_price(int(b), s.key) for s in SHOPS] for b in price_arr], dtype=np.int64)
    douyin = next(i for i, s in enumerate(SHOPS) if s.key == "douyin")
    for i, code in enumerate(codes):
        if code in _DOUYIN_PRICE_PCT:
            shop_price[i, douyin] = (int(price_arr[i]) * _DOUYIN_PRICE_PCT[code] // 10000) * 100 - 10
    listing_id: list[list[str]] = []
    title: list[list[str]] = []
    variant_text: list[list[str]] = []
    description: list[list[str | None]] = []
    image_count: list[list[int | None]] = []
    for s in SHOPS:
        digits = {"taobao": 13, "douyin": 19, "shopify": 14, "etsy": 10}[s.key]
        id_start = {"taobao": "5", "douyin": "17", "shopify": "4", "etsy": "1"}[s.key]
        width = digits - len(id_start)
        base = int(rng.integers(10 ** (width - 1), 10**width - 10**7))
        steps = np.cumsum(rng.integers(1, 9000, size=n))
        listing_id.append([f"{id_start}{base + int(x)}" for x in steps])
        if s.key == "taobao":
            title.append([" ".join(t for t in (zh_titles[i], c["option_zh"][i], _TAOBAO_TAIL.get(codes[i])) if t)
                          for i in range(n)])
            variant_text.append([f"颜色分类:{c['option_zh'][i]}" for i in range(n)])
        elif s.key == "douyin":
            title.append([f"【{BRAND_ZH}】{zh_titles[i]} {c['option_zh'][i]}" for i in range(n)])
            variant_text.append(list(c["option_zh"]))
        elif s.key == "shopify":
            title.append([f"{en_titles[i]} - {c['option_en'][i]}" for i in range(n)])
            variant_text.append(list(c["option_en"]))
        else:
            cats = [c["product_categories"][p] for p in c["product_of"]]
            title.append([f"{en_titles[i]}, {c['option_en'][i]}, {_ETSY_LONG_TAIL.get(codes[i], _ETSY_TAIL[cats[i]])}"
                          for i in range(n)])
            variant_text.append([f"Style: {c['option_en'][i]}" for i in range(n)])
        description.append([_description(s.key, codes[i], zh_titles[i], en_titles[i]) for i in range(n)])
        image_count.append([_image_count(s.key, codes[i], i) for i in range(n)])

    return Catalog(
        product_ids=c["product_ids"], product_titles=c["product_titles"],
        product_categories=c["product_categories"], product_launch=c["product_launch"],
        sku=c["sku"], product_of=np.array(c["product_of"], dtype=np.int64),
        option_en=c["option_en"], option_zh=c["option_zh"], price=price_arr,
        cost=np.array(c["cost"], dtype=np.int64), weight=np.array(c["weight"], dtype=np.int64),
        barcode=c["barcode"], lead_time=np.array(c["lead_time"], dtype=np.int64),
        pop_cn=np.array(c["pop_cn"]), pop_west=np.array(c["pop_west"]),
        launch_idx=np.array(c["launch_idx"], dtype=np.int64), end_idx=np.array(c["end_idx"], dtype=np.int64),
        active=np.array(c["active"], dtype=bool), seasonal=c["seasonal"],
        listed=np.array(c["listed"], dtype=bool), shop_price=shop_price,
        listing_id=listing_id, title=title, variant_text=variant_text,
        description=description, image_count=image_count,
    )


def _description(shop_key: str, code: str, zh: str, en: str) -> str | None:
    if shop_key == "douyin":
        return None  # the demo's Douyin shop comes from order exports only
    if shop_key == "taobao":
        return f"<p>{_TAOBAO_BOAST.get(code, '')}{zh}，{BRAND_ZH}工作室手作，每件釉色略有不同。</p>"
    if shop_key == "etsy" and code in _NO_ETSY_DESCRIPTION:
        return ""
    return f"<p>{en}, made by hand in the {BRAND} studio; every glaze comes out a little different.</p>"


def _image_count(shop_key: str, code: str, sku_index: int) -> int | None:
    if shop_key == "douyin":
        return None
    if shop_key == "shopify" and code in _NO_SHOPIFY_IMAGES:
        return 0
    return 3 + sku_index % 4
