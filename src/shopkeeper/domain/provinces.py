"""Provinces and states: one place reads as one whatever spelling an export gives it.

Orders keep the province or state as the export wrote it (orders.ship_province). A Taobao 订单报表 writes
'浙江省', a Tmall one '浙江', a Pinduoduo export '上海市' and another '上海'; Shopify and WooCommerce write
'CA', Etsy and a hand-made sheet 'California'. Grouped on the text, one province makes two bars in the
places chart and each holds part of its money.

`province_name(country, text)` gives the name a chart groups on and shows:
- China's 34 province-level divisions, in any country (the names are Chinese and mean nothing else), by
  their short name: '浙江省' and '浙江' are 浙江, '内蒙古自治区' 内蒙古, '香港特别行政区' 香港;
- the states, provinces and territories of the United States, Canada, Australia and South Africa, where
  the order's country (an ISO code: domain/countries.py) is that country, by their English name, from a
  code or a name in any case: 'CA', 'ca' and 'california' are California in the US; in Canada 'ON' is
  Ontario. Elsewhere 'WA' or 'Georgia' say nothing certain, so they stay as written;
- any other text as written, spaces trimmed; blank text is no province.

`city_name(country, text)` does the same for a Chinese city, which a 收货地址 writes as '杭州市' and a
Tmall report or a buyer as '杭州': in China a city is named without its 市 (a name of one character
before it, such as 沙市, keeps it). Other countries' cities stay as written, spaces trimmed.
"""

from __future__ import annotations

from shopkeeper.domain.countries import sql_map

# China: each division's short name and the official suffix an export may add.
_CN = {
    "北京": "市", "天津": "市", "上海": "市", "重庆": "市",
    "河北": "省", "山西": "省", "辽宁": "省", "吉林": "省", "黑龙江": "省", "江苏": "省", "浙江": "省", "安徽": "省",
    "福建": "省", "江西": "省", "山东": "省", "河南": "省", "湖北": "省", "湖南": "省", "广东": "省", "海南": "省",
    "四川": "省", "贵州": "省", "云南": "省", "陕西": "省", "甘肃": "省", "青海": "省", "台湾": "省",
    "内蒙古": "自治区", "广西": "壮族自治区", "西藏": "自治区", "宁夏": "回族自治区", "新疆": "维吾尔自治区",
    "香港": "特别行政区", "澳门": "特别行政区",
}
# A few exports write the autonomous regions with the plain suffix only ('广西自治区').
_CN_SHORT_SUFFIX = ("广西", "宁夏", "新疆")

# ISO 3166-2 subdivision codes (without the country) and names, as Shopify, WooCommerce and Amazon write them.
_STATES: dict[str, dict[str, str]] = {
    "US": {
        "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California", "CO": "Colorado",
        "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia", "FL": "Florida", "GA": "Georgia",
        "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa", "KS": "Kansas",
        "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts",
        "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi", "MO": "Missouri", "MT": "Montana",
        "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico",
        "NY": "New York", "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma",
        "OR": "Oregon", "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota",
        "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington",
        "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming", "PR": "Puerto Rico", "GU": "Guam",
        "VI": "U.S. Virgin Islands", "AS": "American Samoa", "MP": "Northern Mariana Islands",
        "AA": "Armed Forces Americas", "AE": "Armed Forces Europe", "AP": "Armed Forces Pacific",
    },
    "CA": {
        "AB": "Alberta", "BC": "British Columbia", "MB": "Manitoba", "NB": "New Brunswick",
        "NL": "Newfoundland and Labrador", "NS": "Nova Scotia", "NT": "Northwest Territories", "NU": "Nunavut",
        "ON": "Ontario", "PE": "Prince Edward Island", "QC": "Quebec", "SK": "Saskatchewan", "YT": "Yukon",
    },
    "AU": {
        "ACT": "Australian Capital Territory", "NSW": "New South Wales", "NT": "Northern Territory",
        "QLD": "Queensland", "SA": "South Australia", "TAS": "Tasmania", "VIC": "Victoria",
        "WA": "Western Australia",
    },
    "ZA": {
        "EC": "Eastern Cape", "FS": "Free State", "GT": "Gauteng", "NL": "KwaZulu-Natal", "LP": "Limpopo",
        "MP": "Mpumalanga", "NC": "Northern Cape", "NW": "North West", "WC": "Western Cape",
    },
}
# Other spellings exports and buyers write.
_STATE_ALIASES = {"CA": {"québec": "Quebec", "newfoundland": "Newfoundland and Labrador", "yukon territory": "Yukon"},
                  "US": {"washington dc": "District of Columbia", "washington, d.c.": "District of Columbia",
                         "virgin islands": "U.S. Virgin Islands"},
                  "ZA": {"kzn": "KwaZulu-Natal", "gauteng province": "Gauteng"}}


def _cn_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for short, suffix in _CN.items():
        names[short] = short
        names[short + suffix] = short
        if short in _CN_SHORT_SUFFIX:
            names[short + "自治区"] = short
    return names


CN_NAMES = _cn_names()
# (country code, lower-cased code or name) -> name
STATE_NAMES: dict[tuple[str, str], str] = {
    (country, spelling): name
    for country, states in _STATES.items()
    for spelling, name in (*((c.lower(), n) for c, n in states.items()), *((n.lower(), n) for n in states.values()),
                           *_STATE_ALIASES.get(country, {}).items())
}


# What SQL's trim() takes off both ends: the Unicode space separators (Zs), the ideographic space of a
# Chinese export among them, and no tab or line break.
_TRIMMED = " \u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"


def province_name(country: str | None, text: str | None) -> str | None:
    """The name a chart groups the province or state `text` under, for an order to `country` (an ISO code)."""
    if text is None or not text.strip(_TRIMMED):
        return None
    written = text.strip(_TRIMMED)
    chinese = CN_NAMES.get(written)
    if chinese is not None:
        return chinese
    return STATE_NAMES.get((country or "", written.lower()), written)


def city_name(country: str | None, text: str | None) -> str | None:
    """The name a chart groups the city `text` under, for an order to `country` (an ISO code)."""
    if text is None or not text.strip(_TRIMMED):
        return None
    written = text.strip(_TRIMMED)
    if country == "CN" and written.endswith("市") and len(written) >= 3:
        return written[:-1]
    return written


# The state key joins the country and the lower-cased spelling with a separator no export writes.
_STATE_KEYS = {f"{country}\x1f{spelling}": name for (country, spelling), name in STATE_NAMES.items()}

MACROS = (
    "CREATE OR REPLACE TEMP MACRO sk_city(country, c) AS CASE WHEN nullif(trim(c), '') IS NULL THEN NULL "
    "WHEN country = 'CN' AND ends_with(trim(c), '市') AND length(trim(c)) >= 3 THEN substr(trim(c), 1, length(trim(c)) - 1) "
    "ELSE trim(c) END",
    "CREATE OR REPLACE TEMP MACRO sk_province(country, p) AS CASE WHEN nullif(trim(p), '') IS NULL THEN NULL "
    f"ELSE coalesce({sql_map(CN_NAMES)}[trim(p)], "
    f"{sql_map(_STATE_KEYS)}[coalesce(country, '') || chr(31) || lower(trim(p))], trim(p)) END",
)
