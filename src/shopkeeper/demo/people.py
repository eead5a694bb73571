"""The demo shop's customers: people, how often they buy, and their identity on each platform.

A person buys on one platform shop, or (about 9%) on two shops of the same
market: Taobao and Douyin buyers are matched by phone, Shopify and Etsy buyers
by e-mail, so both buyer rows carry the same member id.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

import numpy as np

from shopkeeper.demo.calendar import SHOPS, sample_days

SEGMENTS = ("one", "casual", "loyal", "core", "fan")
_SEGMENT_P = (0.52, 0.26, 0.15, 0.06, 0.01)
BASKET = np.array([1.0, 1.0, 1.2, 1.5, 2.4])  # relative basket size per segment

_SURNAMES = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁沈")
_GIVEN = (
    "小雨 思涵 雨桐 子涵 欣怡 梓萱 诗琪 佳怡 晓雯 静怡 嘉欣 婉清 若曦 可馨 一诺 语嫣 雅琪 梦瑶 文静 丽娜 "
    "海燕 晓燕 秀英 春梅 志强 建华 浩然 子轩 宇航 俊杰 明轩 博文 天佑 立伟 晨曦 家豪 文博 思远 一鸣 子墨 "
    "书瑶 沐阳 清欢 安然 知夏 南枝 雨晴 芷若 星辰 美玲 慧敏 晓峰 国强 丹丹 婷婷 亚楠 佳琪 一帆 乐乐 悦"
).split()
_FIRST = (
    "Emma Olivia Ava Sophia Isabella Mia Charlotte Amelia Harper Evelyn Abigail Emily Ella Grace Chloe Lily "
    "Hannah Zoe Nora Claire Sarah Laura Rachel Megan Julia Anna Kate Lucy Alice Ruby Maya Ingrid Sofie Léa "
    "Liam Noah Oliver James Elijah William Henry Lucas Benjamin Theodore Jack Daniel Samuel David Matthew "
    "Ethan Owen Leo Adam Ryan Nathan Tom Ben Max Felix Hugo Jonas Lars"
).split()
_LAST = (
    "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Wilson Anderson "
    "Thomas Taylor Moore Jackson Martin Lee Thompson White Harris Clark Lewis Walker Hall Allen Young King "
    "Wright Scott Green Baker Adams Nelson Hill Campbell Mitchell Roberts Carter Phillips Evans Turner Parker "
    "Collins Edwards Stewart Morris Murphy Cook Rogers Bennett Reed Kim Nguyen Chen Patel Müller Schmidt Dubois "
    "Jansen O'Brien Novak Rossi"
).split()
_DOMAINS = ("gmail.com", "icloud.com", "yahoo.com", "outlook.com", "hotmail.com", "proton.me", "aol.com", "me.com")
_DOMAIN_P = (0.46, 0.14, 0.10, 0.11, 0.07, 0.05, 0.04, 0.03)
_PHONE_PREFIXES = (
    "138 139 136 135 137 150 151 152 158 159 186 187 188 131 132 155 156 185 176 177 180 181 189 199 198 166"
).split()
_CN_CITIES = (
    ("上海", 14), ("北京", 12), ("杭州", 9), ("广州", 8), ("深圳", 9), ("成都", 7), ("南京", 6), ("苏州", 6),
    ("武汉", 5), ("重庆", 5), ("西安", 4), ("长沙", 4), ("厦门", 3), ("天津", 3), ("青岛", 3), ("宁波", 3),
    ("昆明", 2), ("福州", 2), ("合肥", 2), ("郑州", 2), ("大连", 2), ("沈阳", 2), ("景德镇", 1), ("大理", 1),
)
_WEST_CITIES = {
    "US": ("New York", "Brooklyn", "Los Angeles", "San Francisco", "Seattle", "Portland", "Chicago", "Austin",
           "Boston", "Denver", "Philadelphia", "San Diego", "Minneapolis", "Atlanta", "Nashville", "Oakland"),
    "CA": ("Toronto", "Vancouver", "Montreal", "Calgary"),
    "GB": ("London", "Manchester", "Bristol", "Edinburgh", "Brighton"),
    "AU": ("Sydney", "Melbourne", "Brisbane"),
    "DE": ("Berlin", "Munich", "Hamburg"),
    "NL": ("Amsterdam", "Utrecht"),
    "FR": ("Paris", "Lyon"),
}
_COUNTRY_P = {
    "shopify": (("US", .78), ("CA", .08), ("GB", .07), ("AU", .05), ("DE", .02)),
    "etsy": (("US", .60), ("GB", .12), ("CA", .08), ("AU", .07), ("DE", .06), ("NL", .03), ("FR", .04)),
}
_NOTES_CN = ("老客户，每单送茶样", "开公司抬头发票", "茶艺老师，常团购", "喜欢柴烧系列，上新请通知", "包装要加厚，易碎")
_NOTES_WEST = ("Café owner, orders for her shop", "Prefers gift wrap", "Collects our glazes",
               "Asked to hear when the winter mug is back", "Ships to office address")


@dataclass
class People:
    market: np.ndarray  # 0 cn, 1 west
    primary: np.ndarray  # shop index
    secondary: np.ndarray  # shop index or -1
    segment: np.ndarray  # index into SEGMENTS
    lapsed: np.ndarray
    n_orders: np.ndarray
    first_day: np.ndarray
    last_day: np.ndarray
    name: list[str]
    given: list[str]
    email: list[str | None]
    phone: list[str | None]
    city: list[str]
    country: list[str]
    accepts_marketing: np.ndarray
    notes: list[str | None]

    @property
    def n(self) -> int:
        return int(self.market.shape[0])

    def take(self, idx: np.ndarray) -> People:
        """The people at `idx`, in that order."""
        pick = idx.tolist()
        kept: dict[str, Any] = {}  # each column's own type
        for name, value in vars(self).items():
            kept[name] = value[idx] if isinstance(value, np.ndarray) else [value[i] for i in pick]
        return People(**kept)


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in folded.lower() if ch.isalnum())


def build_people(count: int, cdfs: list[np.ndarray], pre: int, rng: np.random.Generator) -> People:
    """`count` people over `pre` days before the history plus the history itself.

    Repeat customers may have started before the history (the shop is older
    than its exports); their earlier orders are simply never written.
    """
    days = cdfs[0].shape[0]
    last_idx = days - 1
    shares = np.array([s.share for s in SHOPS])
    primary = rng.choice(len(SHOPS), size=count, p=shares / shares.sum())
    market = np.array([0 if SHOPS[p].market == "cn" else 1 for p in primary], dtype=np.int64)
    segment = rng.choice(len(SEGMENTS), size=count, p=_SEGMENT_P)
    n_orders = np.ones(count, dtype=np.int64)
    n_orders[segment == 1] = rng.choice([2, 3, 4], size=int((segment == 1).sum()), p=[.6, .28, .12])
    n_orders[segment == 2] = rng.integers(5, 13, size=int((segment == 2).sum()))
    n_orders[segment == 3] = rng.integers(13, 25, size=int((segment == 3).sum()))
    n_orders[segment == 4] = rng.integers(25, 46, size=int((segment == 4).sum()))
    lapsed = (segment >= 2) & (segment <= 3) & (rng.random(count) < 0.12)

    # Window of activity per person: [first_day, last_day].
    lo_first = np.select([segment == 0, segment == 1], [pre, pre - 200], default=0)
    hi_first = np.select(
        [segment == 0, segment == 1, segment == 2, segment == 3],
        [last_idx, last_idx - 20, last_idx - 150, last_idx - 300], default=pre + 150,
    )
    last_day = np.where(lapsed, last_idx - rng.integers(120, 241, size=count), last_idx)
    hi_first = np.where(lapsed, last_day - 200, hi_first)
    lo_first = np.where(lapsed, 0, lo_first)
    first_day = np.zeros(count, dtype=np.int64)
    for s in range(len(SHOPS)):
        mask = primary == s
        first_day[mask] = sample_days(cdfs[s], lo_first[mask], hi_first[mask], rng)
    span = np.select(
        [segment == 0, segment == 1, segment == 2],
        [0, rng.integers(30, 421, size=count), rng.integers(200, 731, size=count)], default=last_idx,
    )
    last_day = np.where(lapsed, last_day, np.minimum(first_day + span, last_idx))
    n_orders = np.minimum(n_orders, 1 + (last_day - first_day) // 10)

    # A second shop of the same market for about 9% of people (only those who buy more than once).
    cross = (n_orders >= 2) & (rng.random(count) < 0.105 * count / max(1, int((n_orders >= 2).sum())))
    partner = {0: 1, 1: 0, 2: 3, 3: 2}
    secondary = np.where(cross, np.array([partner[int(p)] for p in primary]), -1)

    names: list[str] = []
    given: list[str] = []
    emails: list[str | None] = []
    phones: list[str | None] = []
    cities: list[str] = []
    countries: list[str] = []
    notes: list[str | None] = []
    seen_email: set[str] = set()
    seen_phone: set[str] = set()
    cn_city_names = [c for c, _ in _CN_CITIES]
    cn_city_p = np.array([w for _, w in _CN_CITIES], dtype=np.float64)
    cn_city_p /= cn_city_p.sum()
    r = rng.random((count, 6))
    picks = rng.integers(0, 1 << 30, size=(count, 6))
    for i in range(count):
        note_p = (0.0, 0.0, 0.02, 0.15, 0.5)[int(segment[i])]
        if market[i] == 0:
            g = _GIVEN[picks[i, 0] % len(_GIVEN)]
            names.append(_SURNAMES[picks[i, 1] % len(_SURNAMES)] + g)
            given.append(g)
            while True:
                phone = f"{_PHONE_PREFIXES[picks[i, 2] % len(_PHONE_PREFIXES)]}****{picks[i, 3] % 10000:04d}"
                if phone not in seen_phone:
                    break
                picks[i, 3] += 7919
            seen_phone.add(phone)
            phones.append(phone)
            emails.append(None)
            cities.append(cn_city_names[int(np.searchsorted(np.cumsum(cn_city_p), r[i, 0], side="right"))])
            countries.append("CN")
            notes.append(_NOTES_CN[picks[i, 4] % len(_NOTES_CN)] if r[i, 1] < note_p else None)
        else:
            first = _FIRST[picks[i, 0] % len(_FIRST)]
            last = _LAST[picks[i, 1] % len(_LAST)]
            names.append(f"{first} {last}")
            given.append(first)
            f, lname = _ascii(first), _ascii(last)
            style = picks[i, 2] % 4
            number = int(picks[i, 3])
            local = (f"{f}.{lname}", f"{f}{lname}{number % 100}", f"{f[0]}{lname}",
                     f"{f}_{lname[:3]}{number % 90 + 10}")[style]
            domain = _DOMAINS[int(np.searchsorted(np.cumsum(_DOMAIN_P), r[i, 2] * 0.9999, side="right"))]
            email = f"{local}@{domain}"
            bump = 1
            while email in seen_email:
                bump += 1
                email = f"{local}{bump}@{domain}"
            seen_email.add(email)
            emails.append(email)
            phones.append(None)
            options = _COUNTRY_P[SHOPS[int(primary[i])].key]
            cum = np.cumsum([p for _, p in options])
            country = options[min(int(np.searchsorted(cum, r[i, 3] * cum[-1], side="right")), len(options) - 1)][0]
            countries.append(country)
            city_list = _WEST_CITIES[country]
            cities.append(city_list[picks[i, 4] % len(city_list)])
            notes.append(_NOTES_WEST[picks[i, 5] % len(_NOTES_WEST)] if r[i, 1] < note_p else None)
    accepts = rng.random(count) < np.where(market == 1, 0.55, 0.35)
    return People(
        market=market, primary=primary.astype(np.int64), secondary=secondary.astype(np.int64),
        segment=segment.astype(np.int64), lapsed=lapsed, n_orders=n_orders, first_day=first_day,
        last_day=last_day, name=names, given=given, email=emails, phone=phones, city=cities,
        country=countries, accepts_marketing=accepts, notes=notes,
    )


def buyer_ids(people: People, shop_of_identity: np.ndarray, person_of_identity: np.ndarray,
              rng: np.random.Generator) -> list[str]:
    """The platform's buyer id for each (person, shop) identity, unique per shop."""
    out: list[str] = []
    seen: set[tuple[int, str]] = set()
    nums = rng.integers(10**9, 10**10, size=len(person_of_identity) + 64)
    tails = rng.integers(1000, 10000, size=len(person_of_identity) + 64)
    for k, (s, p) in enumerate(zip(shop_of_identity.tolist(), person_of_identity.tolist(), strict=True)):
        key = SHOPS[s].key
        bump = 0
        while True:
            if key == "taobao":
                bid = f"tb_{people.given[p]}_{(int(tails[k]) + 37 * bump) % 9000 + 1000}"
            elif key == "douyin":
                bid = f"dy_{int(nums[k]) + bump}"
            else:
                bid = str(people.email[p])
            if (s, bid) not in seen:
                break
            bump += 1
        seen.add((s, bid))
        out.append(bid)
    return out
