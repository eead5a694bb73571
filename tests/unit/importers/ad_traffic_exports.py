"""Small advertising and traffic reports as the platforms write them, one quirk each (money-traffic-formats.md).

Every fixture states the file's own totals (what the console shows under the table) so the tests
can check that what was stored adds up to them to the cent.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path


def write(path: Path, text: str, *, encoding: str = "utf-8", newline: str = "\r\n") -> Path:
    path.write_bytes(newline.join(text.strip("\n").split("\n")).encode(encoding) + newline.encode())
    return path


# Amazon Sponsored Products, search term report, legacy console: `$ 0.35` cells, trailing spaces in
# three headers, one daily row per campaign x ad group x targeting x search term.
AMAZON_SP_SEARCH_TERMS = """\
Date,Portfolio name,Currency,Campaign Name,Ad Group Name,Targeting,Match Type,Customer Search Term,Impressions,Clicks,Click-Thru Rate (CTR),Cost Per Click (CPC),Spend,7 Day Total Sales ,Total Advertising Cost of Sales (ACOS) ,Total Return on Advertising Spend (ROAS),7 Day Total Orders (#),7 Day Total Units (#),7 Day Conversion Rate
"Jun 01, 2026",Not grouped,USD,Mugs - Auto,Ad group 1,*,-,blue mug,1200,14,1.1667%,$ 0.35,$ 4.90,$ 32.44 ,15.10%,6.62,2,2,14.2857%
"Jun 01, 2026",Not grouped,USD,Mugs - Auto,Ad group 1,*,-,coffee mug large,800,9,1.1250%,$ 0.41,$ 3.69,$ 0.00 ,,0.00,0,0,0.0000%
"Jun 02, 2026",Not grouped,USD,Mugs - Exact,Ad group 1,blue mug,EXACT,blue mug,300,5,1.6667%,$ 1.10,"$ 5.50","$ 1,016.22 ",0.54%,184.77,3,4,60.0000%
"""
AMAZON_SP_SEARCH_TERMS_TOTALS = {"spend": Decimal("14.09"), "sales": Decimal("1048.66"), "clicks": 28}

# Sponsored Products advertised product report, Amazon.in: rupees written `Rs.` and `₹`, lakh grouping,
# the currency in the sales header.
AMAZON_SP_PRODUCTS_IN = """\
Start Date,End Date,Currency,Campaign Name,Ad Group Name,Advertised SKU,Advertised ASIN,Impressions,Clicks,Spend,7 Day Total Sales (₹),7 Day Total Orders (#),7 Day Total Units (#)
2026-06-01,2026-06-30,INR,Kurta - Manual,Cotton,KURTA-RED-M,B0KURTA001,"1,514",120,Rs. 960.50,"₹1,23,456.50",41,45
2026-06-01,2026-06-30,INR,Kurta - Manual,Cotton,KURTA-BLU-L,B0KURTA002,900,60,Rs 480.25,"₹9,000.00",3,3
"""
AMAZON_SP_PRODUCTS_IN_TOTALS = {"spend": Decimal("1440.75"), "sales": Decimal("132456.50")}

# Sponsored Display: 14-day attribution and detail page views.
AMAZON_SD_CAMPAIGNS = """\
Date,Currency,Campaign Name,Impressions,Clicks,Spend,14 Day Total Sales,14 Day Total Orders (#),14 Day Total Units (#),14 Day Detail Page Views (DPV)
2026-06-03,USD,Retarget viewers,5000,40,$12.00,$90.00,3,3,55
"""

# eBay advertising sales report: UTF-8 BOM, header on line 3, one row per attributed sale.
EBAY_AD_SALES = """\
Advertising sales report
Report period: Jun 1, 2026 - Jun 30, 2026
Item ID,Item title,Ad type,Campaign strategy,Sale type,Sales,Sold quantity,Ad fees (General)
125512345678,Blue ceramic mug,Promoted Listings,General,Promoted item sale,$24.99,1,$1.50
125512345678,Blue ceramic mug,Promoted Listings,General,Promoted item sale,$49.98,2,$3.00
125598765432,Red mug,Promoted Listings,General,Halo item sale,$19.99,1,$1.20
"""
EBAY_AD_SALES_TOTALS = {"spend": Decimal("5.70"), "sales": Decimal("94.96")}

# 万相台 主体报表: GBK, ids plain, a 合计 row at the end.
WANXIANGTAI = """\
日期,场景ID,场景名字,计划ID,计划名字,主体ID,主体类型,主体名称,展现量,点击量,花费,点击率,平均点击花费,总成交金额,总成交笔数,投入产出比
2026-06-01,24,关键词推广,3001,连衣裙-拉新,680012345678,商品,碎花连衣裙,"12,000",300,450.00,2.50%,1.50,"1,350.00",9,3.00
2026-06-01,24,关键词推广,3002,连衣裙-收割,680012345678,商品,碎花连衣裙,5000,100,200.00,2.00%,2.00,180.00,1,0.90
2026-06-02,24,关键词推广,3001,连衣裙-拉新,680087654321,商品,纯棉T恤,3000,80,120.50,2.67%,1.51,0.00,0,0.00
合计,,,,,,,,20000,480,770.50,,,"1,530.00",10,
"""
WANXIANGTAI_TOTALS = {"spend": Decimal("770.50"), "sales": Decimal("1530.00")}

# 多多推广: a title line, 总花费 and 成交花费, a 总计 row.
DUODUO = """\
名称：推广
日期,商品ID,商品名称,推广场景,推广名称,出价方式,分组,是否已删除,成交花费(元),交易额(元),实际投产比,总花费(元),曝光量,点击量
2026-06-01,5123456789,加厚保温杯,全站推广,保温杯全站,自动,默认,否,60.00,300.00,5.00,66.60,8000,160
2026-06-02,5123456789,加厚保温杯,全站推广,保温杯全站,自动,默认,否,40.00,80.00,2.00,43.40,6000,120
总计,,,,,,,,100.00,380.00,3.80,110.00,14000,280
"""
DUODUO_TOTALS = {"spend": Decimal("110.00"), "sales": Decimal("380.00")}

# 京东快车: a date range in one cell, SKU ids read back from Excel as floats.
JD_KUAICHE = """\
日期,跟单SKU ID,跟单SKU名称,SPU ID,展现数,点击数,点击率(%),花费,千次展现成本,平均点击成本,总订单行,总订单金额
20260601~20260630,100012345678.0,不锈钢炒锅,100012345600,40000,800,2.00,"1,600.00",40.00,2.00,20,"3,980.00"
20260601~20260630,100087654321.0,铸铁平底锅,100087654300,10000,100,1.00,250.40,25.04,2.50,1,199.00
"""
JD_KUAICHE_TOTALS = {"spend": Decimal("1850.40"), "sales": Decimal("4179.00")}

# 巨量千川: tabs and a line break in a header (trimmed), compact dates.
QIANCHUAN = """\
数据日期,计划名称,素材ID,素材名称,"整体消耗\t",整体成交金额,整体支付ROI,整体成交订单数,整体展现次数,整体点击次数
20260601,直播间-通投,7380000000000000001,口播A,"1,000.00","2,400.00",2.40,30,"200,000","4,000"
20260601,直播间-通投,7380000000000000002,口播B,500.00,300.00,0.60,4,"90,000","1,500"
"""
QIANCHUAN_TOTALS = {"spend": Decimal("1500.00"), "sales": Decimal("2700.00")}

# Amazon Business Report by child item (SKU view): quoted counts with separators, en-dash header,
# a percentage column never read, a totals line without an ASIN.
AMAZON_BUSINESS_CHILD = """\
(Parent) ASIN,(Child) ASIN,Title,SKU,Sessions – Total,Session Percentage – Total,Page Views – Total,Units Ordered,Unit Session Percentage,Ordered Product Sales,Total Order Items
B0PARENT01,B0MUGBLUE1,Blue mug,MUG-BLUE,"1,514",10.00%,"2,100",30,1.98%,"$1,049.70",28
B0PARENT01,B0MUGRED01,Red mug,MUG-RED,"2,000",13.21%,"2,500",4,0.20%,$139.96,4
,,Total,,"3,514",,"4,600",34,,"$1,189.66",32
"""

AMAZON_BUSINESS_DATE = """\
Date,Ordered Product Sales,Ordered Product Sales - B2B,Units Ordered,Units Ordered - B2B,Total Order Items,Total Order Items - B2B,Sessions - Total,Sessions - Total - B2B,Order Item Session Percentage
6/1/26,$524.85,$0.00,15,0,14,0,700,0,2.00%
6/2/26,$104.97,$0.00,3,0,3,0,650,0,0.46%
"""

# Shopify sessions by landing page: only product pages are a product's traffic.
SHOPIFY_LANDING = """\
Day,Landing page type,Landing page path,Sessions,Sessions with cart additions,Sessions that reached checkout,Sessions that completed checkout,Conversion rate
2026-06-01,Product,/products/linen-shirt,400,40,20,12,0.03
2026-06-01,Homepage,/,900,20,10,5,0.0056
2026-06-01,Product,/fr-fr/products/linen-shirt,100,5,2,1,0.01
"""

EBAY_TRAFFIC = """\
Listings traffic report
Seller: mugshop
Data Start Date: Jun 1, 2026
Data End Date: Jun 30, 2026

Listing title,eBay item ID,Current promoted listings status,Quantity available,Total impressions on eBay site,Total page views,Quantity sold,Sales conversion rate = Quantity sold/Total page views
Blue ceramic mug,125512345678,Promoted,10,"12,000",600,6,1.0%
Red mug,125598765432,Not promoted,5,"3,000",90,0,0.0%
"""

SYCM = """\
统计日期,商品ID,商品名称,货号,商品状态,商品访客数,商品浏览量,下单买家数,支付买家数,支付件数,支付金额,商品支付转化率
2026-06-01,680012345678,碎花连衣裙,DRESS-01,当前在线,"1,200","3,000",20,15,16,"2,400.00",1.25%
2026-06-01,680087654321,纯棉T恤,TEE-01,当前在线,300,500,3,3,3,177.00,1.00%
"""

# The 2026 advertising console: UTF-8 BOM, the range in one cell, ids wrapped ="…", promoted/halo twins.
AMAZON_2026_CONSOLE = '''\
Budget currency,Date range,Advertiser account ID,Advertiser account name,Portfolio ID,Portfolio name,Campaign ID,Campaign name,Ad group ID,Ad group name,Search term,Impressions,Clicks,CTR,Total cost,Purchases,Sales,Units sold,Cost per purchase,Purchase rate,ROAS,Purchases (promoted),Sales (promoted)
GBP,"Jun 1, 2026 - Jun 30, 2026","=""A1B2C3""",Mug shop UK,,,"=""311112222233333""",Mugs UK,"=""411112222233333""",Mugs,blue mug,2000,50,2.50%,£30.00,4,£96.00,4,£7.50,8.00%,3.20,3,£72.00
GBP,"Jun 1, 2026 - Jun 30, 2026","=""A1B2C3""",Mug shop UK,,,"=""311112222233333""",Mugs UK,"=""411112222233333""",Mugs,large mug,1000,20,2.00%,£12.50,0,£0.00,0,,0.00%,0.00,0,£0.00
'''
