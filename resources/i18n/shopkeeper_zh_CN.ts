<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdChannel</name>
    <message>
        <source>Wanxiangtai (Taobao)</source>
        <translation>万相台（淘宝）</translation>
    </message>
    <message>
        <source>Duoduo promotion (Pinduoduo)</source>
        <translation>多多推广（拼多多）</translation>
    </message>
    <message>
        <source>JD Kuaiche</source>
        <translation>京东快车</translation>
    </message>
    <message>
        <source>Qianchuan (Douyin)</source>
        <translation>巨量千川（抖音）</translation>
    </message>
    <message>
        <source>Amazon Sponsored Products</source>
        <translation>亚马逊商品推广</translation>
    </message>
    <message>
        <source>Amazon Sponsored Brands</source>
        <translation>亚马逊品牌推广</translation>
    </message>
    <message>
        <source>Amazon Sponsored Display</source>
        <translation>亚马逊展示型推广</translation>
    </message>
    <message>
        <source>eBay Promoted Listings</source>
        <translation>eBay 推广刊登</translation>
    </message>
    <message>
        <source>Your own ad report</source>
        <translation>自定义广告报表</translation>
    </message>
</context>
<context>
    <name>AfterSalesTab</name>
    <message numerus="yes">
        <source>Last %Ln day(s)</source>
        <translation>
            <numerusform>最近 %Ln 天</numerusform>
        </translation>
    </message>
    <message>
        <source>All orders</source>
        <translation>全部订单</translation>
    </message>
    <message>
        <source>All platforms</source>
        <translation>全部平台</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Paid orders</source>
        <translation>已付款订单</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <source>Refund rate %</source>
        <translation>退款率 %</translation>
    </message>
    <message>
        <source>At least %</source>
        <translation>下限 %</translation>
    </message>
    <message>
        <source>SKUs with at least 10 paid orders, ranked by the lowest refund rate their orders allow (95 % Wilson bound), so a few unlucky orders do not top the list</source>
        <translation>已付款订单不少于 10 笔的 SKU，按其订单可推出的最低退款率（95 % Wilson 下限）排序，避免偶然几笔退款就排到最前</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>Reason in the export</source>
        <translation>导出中的原因</translation>
    </message>
    <message>
        <source>Worst SKUs by refund rate</source>
        <translation>退款最多的 SKU（按退款率）</translation>
    </message>
    <message>
        <source>By platform</source>
        <translation>按平台</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>按月份</translation>
    </message>
    <message>
        <source>Why: the seller&apos;s tags and the exports&apos; reasons</source>
        <translation>原因：卖家标签与导出中的原因</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>SKUs</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Tag selected orders</source>
        <translation>给所选订单打标签</translation>
    </message>
    <message>
        <source>Edit tag list…</source>
        <translation>编辑标签列表…</translation>
    </message>
    <message>
        <source>Search order or SKU</source>
        <translation>搜索订单或 SKU</translation>
    </message>
    <message>
        <source>Show all orders</source>
        <translation>显示全部订单</translation>
    </message>
    <message>
        <source>No paid orders in this period: this shop&apos;s orders run from {first} to {last}.</source>
        <translation>此期间没有已付款订单：本店订单的时间范围为 {first} 至 {last}。</translation>
    </message>
    <message>
        <source>{refunded} of {paid} paid orders refunded ({rate} %); money back: {money}; {untagged} refunded orders not tagged yet</source>
        <translation>{paid} 笔已付款订单中 {refunded} 笔退款（{rate} %）；退款金额：{money}；{untagged} 笔退款订单未打标签</translation>
    </message>
    <message numerus="yes">
        <source>%Ln refunded order(s) of several SKUs do not say which SKU the money was for: left out of the rates by SKU</source>
        <translation>
            <numerusform>%Ln 笔含多个 SKU 的退款订单未说明退款对应哪个 SKU：未计入按 SKU 的退款率</numerusform>
        </translation>
    </message>
    <message>
        <source>Refunded orders of {sku}</source>
        <translation>{sku} 的退款订单</translation>
    </message>
    <message>
        <source>Refunded orders (newest first)</source>
        <translation>退款订单（最新在前）</translation>
    </message>
    <message>
        <source>No refunded order matches “{text}”</source>
        <translation>没有与“{text}”匹配的退款订单</translation>
    </message>
    <message>
        <source>Showing the newest {shown} of {total}: search by order or SKU, or show more</source>
        <translation>显示最新的 {shown} 笔，共 {total} 笔：可按订单或 SKU 搜索，或显示更多</translation>
    </message>
    <message>
        <source>Orders listed: {count}</source>
        <translation>已列出订单：{count} 笔</translation>
    </message>
    <message>
        <source>Show {count} more</source>
        <translation>再显示 {count} 笔</translation>
    </message>
    <message>
        <source>Part refunded</source>
        <translation>部分退款</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>质量问题</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>尺码不合适</translation>
    </message>
    <message>
        <source>Shipping damage</source>
        <translation>运输破损</translation>
    </message>
    <message>
        <source>Not as described</source>
        <translation>与描述不符</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Select refunded orders first</source>
        <translation>请先选择退款订单</translation>
    </message>
    <message>
        <source>No tags</source>
        <translation>无标签</translation>
    </message>
    <message>
        <source>After-sales tags</source>
        <translation>售后标签</translation>
    </message>
    <message>
        <source>One tag a line, in the order offered:</source>
        <translation>每行一个标签，按显示顺序排列：</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>New shop</source>
        <translation>新建店铺</translation>
    </message>
    <message>
        <source>Shopkeeper shops (*.duckdb)</source>
        <translation>Shopkeeper 店铺 (*.duckdb)</translation>
    </message>
    <message>
        <source>{path} already exists. Choose another name, or open it with File &gt; Open shop.</source>
        <translation>{path} 已存在。请换一个名称，或通过“文件 &gt; 打开店铺”打开它。</translation>
    </message>
    <message>
        <source>Open shop</source>
        <translation>打开店铺</translation>
    </message>
    <message>
        <source>Shopkeeper shops (*.duckdb);;All files (*)</source>
        <translation>Shopkeeper 店铺 (*.duckdb);;所有文件 (*)</translation>
    </message>
    <message>
        <source>That shop is already open in another Shopkeeper window.</source>
        <translation>该店铺已在另一个 Shopkeeper 窗口中打开。</translation>
    </message>
    <message>
        <source>Back up shop</source>
        <translation>备份店铺</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Shop backed up to {path} ({orders:,} orders, {members:,} members).</source>
        <translation>店铺已备份到 {path}（{orders:,} 笔订单，{members:,} 位会员）。</translation>
    </message>
    <message>
        <source>Shop restored</source>
        <translation>店铺已恢复</translation>
    </message>
    <message>
        <source>The shop was restored from the backup taken {when} ({orders:,} orders, {members:,} members).</source>
        <translation>店铺已从 {when} 的备份恢复（{orders:,} 笔订单，{members:,} 位会员）。</translation>
    </message>
    <message>
        <source>The shop as it was is kept in {path}.</source>
        <translation>恢复前的店铺已保存在 {path}。</translation>
    </message>
    <message>
        <source>About Shopkeeper</source>
        <translation>关于 Shopkeeper</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Shopkeeper {version}&lt;/h3&gt;&lt;p&gt;An offline workbench for sellers who run shops on several platforms.&lt;/p&gt;&lt;p&gt;Shop file: {shop}&lt;br&gt;Backups: {backups}&lt;br&gt;Log folder: {logs}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Shopkeeper {version}&lt;/h3&gt;&lt;p&gt;为在多个平台开店的卖家打造的离线工作台。&lt;/p&gt;&lt;p&gt;店铺文件：{shop}&lt;br&gt;备份：{backups}&lt;br&gt;日志文件夹：{logs}&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Audit trail</source>
        <translation>操作记录</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>From</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>To</source>
        <translation>新值</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Search what, field or value</source>
        <translation>搜索内容、字段或值</translation>
    </message>
    <message>
        <source>{n} entries</source>
        <translation>{n} 条记录</translation>
    </message>
    <message>
        <source>from</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>Before an import</source>
        <translation>导入前</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <source>Made by you</source>
        <translation>手动备份</translation>
    </message>
    <message>
        <source>Before an upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <source>Restore latest backup</source>
        <translation>恢复最近的备份</translation>
    </message>
</context>
<context>
    <name>BundleDialog</name>
    <message>
        <source>Bundle: {sku}</source>
        <translation>组合商品：{sku}</translation>
    </message>
    <message>
        <source>What one {sku} is made of. Selling it sells these parts: their stock goes down and its revenue is shared among them by price. Its own stock is what the parts on the shelf can make. Remove every part to make it a plain SKU again.</source>
        <translation>一件 {sku} 由哪些商品组成。卖出它就是卖出这些组件：组件库存减少，销售额按价格分摊到各组件。它自己的库存就是现有组件能凑成的数量。删除所有组件即可变回普通 SKU。</translation>
    </message>
    <message>
        <source>Part SKU</source>
        <translation>组件 SKU</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Add part</source>
        <translation>添加组件</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>删除所选</translation>
    </message>
</context>
<context>
    <name>BundleRows</name>
    <message>
        <source>{title} · {on_hand} on hand</source>
        <translation>{title} · 现有 {on_hand}</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>{count} set(s) from the parts on the shelf; selling one sells its parts, and its revenue is shared among them</source>
        <translation>用现有配件可组成 {count} 套；卖出一套即扣减其配件库存，收入按比例分摊到各配件</translation>
    </message>
    <message>
        <source>Bundle made of</source>
        <translation>组合商品的构成</translation>
    </message>
    <message>
        <source>Part of bundles</source>
        <translation>所属组合商品</translation>
    </message>
    <message>
        <source>Bundles</source>
        <translation>组合商品</translation>
    </message>
</context>
<context>
    <name>CalendarEventDialog</name>
    <message>
        <source>Add calendar event</source>
        <translation>添加日历事件</translation>
    </message>
    <message>
        <source>Own event</source>
        <translation>自定事件</translation>
    </message>
    <message>
        <source>What</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
</context>
<context>
    <name>CalendarList</name>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>What</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Warm-up</source>
        <translation>预热</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Own event</source>
        <translation>自定事件</translation>
    </message>
    <message>
        <source>Overdue task</source>
        <translation>已逾期任务</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation>假日</translation>
    </message>
    <message>
        <source>Couriers</source>
        <translation>快递</translation>
    </message>
    <message>
        <source>Festival</source>
        <translation>节日</translation>
    </message>
    <message>
        <source>China</source>
        <translation>中国</translation>
    </message>
    <message>
        <source>Western shops</source>
        <translation>海外店铺</translation>
    </message>
    <message>
        <source>Everywhere</source>
        <translation>全部地区</translation>
    </message>
</context>
<context>
    <name>CalendarPanel</name>
    <message>
        <source>Previous</source>
        <translation>上一页</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一页</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>Week of {day}</source>
        <translation>{day} 所在周</translation>
    </message>
    <message>
        <source>MMMM yyyy</source>
        <comment>month and year above the calendar</comment>
        <translation>yyyy年M月</translation>
    </message>
</context>
<context>
    <name>CampaignCheckSettingsDialog</name>
    <message>
        <source>Campaign checks</source>
        <translation>活动检查</translation>
    </message>
    <message>
        <source>A campaign&apos;s SKUs are checked at their campaign price after cost and the platform&apos;s fees (commission and payment, as a % of the price). Kept in this shop.</source>
        <translation>按活动价检查活动内各 SKU，扣除成本和平台扣点（佣金及支付手续费，按售价百分比计）。设置保存在本店铺。</translation>
    </message>
    <message>
        <source>Minimum margin</source>
        <translation>最低毛利率</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>{platform} fees</source>
        <translation>{platform}平台扣点</translation>
    </message>
</context>
<context>
    <name>CampaignDialog</name>
    <message>
        <source>Edit campaign</source>
        <translation>编辑活动</translation>
    </message>
    <message>
        <source>New campaign</source>
        <translation>新建活动</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Spend at least</source>
        <translation>满</translation>
    </message>
    <message>
        <source>Amount off</source>
        <translation>减</translation>
    </message>
    <message>
        <source>Add tier</source>
        <translation>添加一档</translation>
    </message>
    <message>
        <source>Remove tier</source>
        <translation>删除一档</translation>
    </message>
    <message>
        <source>Percent off</source>
        <translation>折扣</translation>
    </message>
    <message>
        <source>Amount off each unit</source>
        <translation>每件立减</translation>
    </message>
    <message>
        <source>Set price</source>
        <translation>活动价</translation>
    </message>
    <message>
        <source>Buy</source>
        <translation>买</translation>
    </message>
    <message>
        <source>Get free</source>
        <translation>送</translation>
    </message>
    <message>
        <source>The price does not change; the seller pays the postage.</source>
        <translation>售价不变，运费由卖家承担。</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>e.g. 40</source>
        <translation>例如 40</translation>
    </message>
    <message>
        <source>SKU or title</source>
        <translation>SKU 或标题</translation>
    </message>
    <message>
        <source>Any category</source>
        <translation>任意类目</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <source>Any ABC class</source>
        <translation>任意 ABC 分类</translation>
    </message>
    <message>
        <source>Class {abc}</source>
        <translation>{abc} 类</translation>
    </message>
    <message>
        <source>Add matching</source>
        <translation>加入匹配商品</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>移除所选</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>For festival</source>
        <translation>所属节日</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Shops (none ticked: every shop)</source>
        <translation>店铺（不勾选即全部店铺）</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>uplift %</source>
        <translation>提升 %</translation>
    </message>
    <message>
        <source>Expected units</source>
        <translation>预计销量</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Find products</source>
        <translation>查找商品</translation>
    </message>
    <message>
        <source>Products in scope</source>
        <translation>参与商品</translation>
    </message>
    <message>
        <source>stock not checked</source>
        <translation>库存未核对</translation>
    </message>
    <message>
        <source>stock lasts</source>
        <translation>库存充足</translation>
    </message>
    <message>
        <source>{units} units short</source>
        <translation>缺{units}件</translation>
    </message>
    <message>
        <source>&lt;b&gt;Checks as saved:&lt;/b&gt; worst margin {margin} · {stock}</source>
        <translation>&lt;b&gt;保存时的检查结果：&lt;/b&gt;最低毛利率 {margin} · {stock}</translation>
    </message>
    <message>
        <source>{tag} ({count})</source>
        <translation>{tag}（{count}）</translation>
    </message>
    <message>
        <source>{count} SKUs in scope</source>
        <translation>{count} 个参与 SKU</translation>
    </message>
</context>
<context>
    <name>CampaignPanel</name>
    <message>
        <source>Margin and fees…</source>
        <translation>毛利率与扣点…</translation>
    </message>
    <message>
        <source>The minimum margin and each platform&apos;s fees the checks use</source>
        <translation>检查所用的最低毛利率及各平台扣点</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>扣点</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>毛利率</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>现有库存</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>预期销量</translation>
    </message>
    <message>
        <source>To order</source>
        <translation>需补货</translation>
    </message>
    <message>
        <source>Order by</source>
        <translation>最晚下单日</translation>
    </message>
    <message>
        <source>Lowest in 30 days</source>
        <translation>近30天最低价</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Checklist template…</source>
        <translation>任务清单模板…</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>任务清单</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>销售额</translation>
    </message>
    <message>
        <source>Discount cost</source>
        <translation>优惠成本</translation>
    </message>
    <message>
        <source>Baseline units</source>
        <translation>基准期件数</translation>
    </message>
    <message>
        <source>Lift</source>
        <translation>增长</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>复盘</translation>
    </message>
    <message>
        <source>Select a campaign to see its checks, checklist and review.</source>
        <translation>选择一个活动，查看其检查结果、任务清单和复盘。</translation>
    </message>
    <message>
        <source>This campaign is over: see its review.</source>
        <translation>该活动已结束，请查看复盘。</translation>
    </message>
    <message>
        <source>Each SKU at its campaign price (stacked with overlapping campaigns), after its cost and the platform&apos;s fees; stock against the sales expected until the end of the campaign.</source>
        <translation>各 SKU 按活动价（叠加同期其他活动）扣除成本和平台扣点后计算；库存与截至活动结束的预期销量对比。</translation>
    </message>
    <message>
        <source>Sells below cost after fees</source>
        <translation>扣点后低于成本</translation>
    </message>
    <message>
        <source>Below the minimum margin</source>
        <translation>低于最低毛利率</translation>
    </message>
    <message>
        <source>last year&apos;s same days</source>
        <translation>去年同期</translation>
    </message>
    <message>
        <source>recent sales × expected uplift</source>
        <translation>近期销量 × 预期增长</translation>
    </message>
    <message>
        <source>{event} in the campaign ({basis}) and {before} before it starts</source>
        <translation>活动期间{event}（{basis}），活动开始前{before}</translation>
    </message>
    <message>
        <source>No cost: the margin cannot be checked</source>
        <translation>未填成本，无法检查毛利率</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>not counted</source>
        <translation>未盘点</translation>
    </message>
    <message>
        <source>Never counted: type the count in Listings &amp; Inventory</source>
        <translation>从未盘点：请在“商品与库存”中填写数量</translation>
    </message>
    <message>
        <source>The lead time has passed</source>
        <translation>已超过到货周期</translation>
    </message>
    <message>
        <source>The campaign price is not below the lowest price of the last 30 days: platforms (最低价 rules) may refuse it as a discount</source>
        <translation>活动价未低于近30天最低价：平台（最低价规则）可能不认可为优惠</translation>
    </message>
    <message>
        <source>{open} open · {overdue} overdue · tick a task off when it is done (Edit › Undo takes it back)</source>
        <translation>{open}项未完成 · {overdue}项已逾期 · 任务完成后请勾选（可用“编辑 › 撤销”取消）</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>The review shows once the campaign has started.</source>
        <translation>活动开始后才会显示复盘。</translation>
    </message>
    <message>
        <source>expected {units} units</source>
        <translation>预期{units}件</translation>
    </message>
    <message>
        <source>expected uplift {pct} %</source>
        <translation>预期增长{pct}%</translation>
    </message>
    <message>
        <source>So far, day {day} of {days}: </source>
        <translation>截至目前（第{day}天，共{days}天）：</translation>
    </message>
    <message numerus="yes">
        <source>%Ln new buyer(s)</source>
        <translation>
            <numerusform>新买家%Ln人</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;{units}&lt;/b&gt; units in {orders} orders, revenue &lt;b&gt;{revenue}&lt;/b&gt;, discounts {discount}, {buyers}; lift &lt;b&gt;{lift}&lt;/b&gt; over the {days} days before ({baseline} units){expected}</source>
        <translation>{orders}笔订单共&lt;b&gt;{units}&lt;/b&gt;件，销售额&lt;b&gt;{revenue}&lt;/b&gt;，优惠{discount}，{buyers}；较活动前{days}天（{baseline}件）增长&lt;b&gt;{lift}&lt;/b&gt;{expected}</translation>
    </message>
    <message>
        <source>day of the campaign</source>
        <translation>活动当天</translation>
    </message>
    <message>
        <source>Days before</source>
        <translation>提前天数</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>活动</translation>
    </message>
</context>
<context>
    <name>ChangeLabels</name>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Undo: {change}</source>
        <translation>撤销(&amp;U)：{change}</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Redo: {change}</source>
        <translation>重做(&amp;R)：{change}</translation>
    </message>
</context>
<context>
    <name>ChannelLinksView</name>
    <message>
        <source>waiting</source>
        <translation>待关联</translation>
    </message>
    <message>
        <source>linked</source>
        <translation>已关联</translation>
    </message>
    <message>
        <source>kept unlinked</source>
        <translation>保持不关联</translation>
    </message>
    <message>
        <source>same SKU</source>
        <translation>相同 SKU</translation>
    </message>
    <message>
        <source>same barcode</source>
        <translation>相同条码</translation>
    </message>
    <message>
        <source>similar title</source>
        <translation>标题相似</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>商品项</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>Shop id</source>
        <translation>店铺编号</translation>
    </message>
    <message>
        <source>Channel SKU</source>
        <translation>平台 SKU</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Units sold</source>
        <translation>销量</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>关联</translation>
    </message>
    <message>
        <source>Counts as</source>
        <translation>计入</translation>
    </message>
    <message>
        <source>Suggested SKU</source>
        <translation>建议的 SKU</translation>
    </message>
    <message>
        <source>Suggested product</source>
        <translation>建议的商品</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>相似度</translation>
    </message>
    <message>
        <source>Linked by</source>
        <translation>关联方式</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>待关联</translation>
    </message>
    <message>
        <source>Waiting for a link</source>
        <translation>等待关联</translation>
    </message>
    <message>
        <source>Linked</source>
        <translation>已关联</translation>
    </message>
    <message>
        <source>Kept unlinked</source>
        <translation>保持不关联</translation>
    </message>
    <message>
        <source>All channel items</source>
        <translation>全部平台商品</translation>
    </message>
    <message>
        <source>Search channel SKU, title or suggestion</source>
        <translation>搜索平台 SKU、标题或建议</translation>
    </message>
    <message>
        <source>Link to SKU…</source>
        <translation>关联到 SKU…</translation>
    </message>
    <message>
        <source>Count this channel item&apos;s sales on a catalogue SKU you name</source>
        <translation>将该平台商品的销量计入你指定的商品库 SKU</translation>
    </message>
    <message>
        <source>Confirm suggestion</source>
        <translation>确认建议</translation>
    </message>
    <message>
        <source>Keep unlinked</source>
        <translation>保持不关联</translation>
    </message>
    <message>
        <source>Its sales count on its own SKU; it leaves the waiting list</source>
        <translation>销量计入它自己的 SKU；移出待关联列表</translation>
    </message>
    <message>
        <source>Export mapping…</source>
        <translation>导出对应关系…</translation>
    </message>
    <message>
        <source>Import mapping…</source>
        <translation>导入对应关系…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln channel item(s)</source>
        <translation>
            <numerusform>%Ln 个平台商品</numerusform>
        </translation>
    </message>
    <message>
        <source>Not changed: {reason}</source>
        <translation>未修改：{reason}</translation>
    </message>
    <message>
        <source>Select one channel item first.</source>
        <translation>请先选择一个平台商品。</translation>
    </message>
    <message>
        <source>Link to SKU</source>
        <translation>关联到 SKU</translation>
    </message>
    <message>
        <source>Catalogue SKU that {channel_sku} ({shop}) sells:</source>
        <translation>{channel_sku}（{shop}）对应的商品库 SKU：</translation>
    </message>
    <message>
        <source>Export SKU mapping</source>
        <translation>导出 SKU 对应关系</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Import SKU mapping</source>
        <translation>导入 SKU 对应关系</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <source>Period before</source>
        <translation>上一周期</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>销售额</translation>
    </message>
    <message>
        <source>{day}: {revenue} {currency} from {orders} orders (period before: {before})</source>
        <translation>{day}：{revenue} {currency}，共 {orders} 单（上一周期：{before}）</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>本周期</translation>
    </message>
    <message>
        <source>ROAS (ad sales ÷ ad spend)</source>
        <translation>投入产出比 ROAS（广告成交额 ÷ 广告花费）</translation>
    </message>
    <message>
        <source>{campaign}: spent {spend} {currency}, ad sales {sales}, ROAS {roas}, break-even {break_even}</source>
        <translation>{campaign}：花费 {spend} {currency}，广告成交额 {sales}，ROAS {roas}，保本 ROAS {break_even}</translation>
    </message>
    <message>
        <source>Below break-even: each sale it brings loses money</source>
        <translation>低于保本线：它带来的每一笔成交都在亏钱</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>推广计划</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Ad sales</source>
        <translation>广告成交额</translation>
    </message>
    <message>
        <source>ROAS</source>
        <translation>投产比 ROAS</translation>
    </message>
    <message>
        <source>ACoS</source>
        <translation>广告成本比 ACoS</translation>
    </message>
    <message>
        <source>TACoS</source>
        <translation>总广告成本比 TACoS</translation>
    </message>
    <message>
        <source>Break-even ROAS</source>
        <translation>保本 ROAS</translation>
    </message>
    <message>
        <source>Below break-even</source>
        <translation>低于保本线</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Black marks: each campaign&apos;s break-even ROAS (1 ÷ margin before ads). {below} of {count} campaigns are below it (red); grey: a cost is missing, so the break-even is unknown.</source>
        <translation>黑色刻度：各推广计划的保本 ROAS（1 ÷ 广告前毛利率）。{count} 个计划中有 {below} 个低于保本线（红色）；灰色：缺少成本，无法计算保本线。</translation>
    </message>
    <message>
        <source>No advertising report imported for this period.</source>
        <translation>此期间尚未导入广告报表。</translation>
    </message>
    <message>
        <source>Whole shop</source>
        <translation>全店</translation>
    </message>
    <message>
        <source>Conversion rate (orders ÷ sessions, %)</source>
        <translation>转化率（订单数 ÷ 访客数，%）</translation>
    </message>
    <message>
        <source>{product}: {orders} orders from {sessions} sessions ({rate})</source>
        <translation>{product}：{sessions} 位访客带来 {orders} 笔订单（{rate}）</translation>
    </message>
    <message>
        <source>Many sessions, low conversion: check the listing page</source>
        <translation>访客多、转化低：请检查商品详情页</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>访客数</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>转化率</translation>
    </message>
    <message>
        <source>Many sessions, low conversion</source>
        <translation>访客多、转化低</translation>
    </message>
    <message>
        <source>{flagged} products have many sessions and a low conversion rate (red): the listing page may be the problem.</source>
        <translation>{flagged} 个商品访客多但转化率低（红色）：问题可能出在商品详情页。</translation>
    </message>
    <message>
        <source>No traffic report imported for this period.</source>
        <translation>此期间尚未导入流量报表。</translation>
    </message>
    <message>
        <source>Shaded: promotions running (hover for their names). Dashed: the same number of days just before.</source>
        <translation>阴影：活动进行中（悬停查看活动名称）。虚线：紧邻的前一段同等天数。</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Share of the range: {shares}</source>
        <translation>区间内占比：{shares}</translation>
    </message>
    <message>
        <source>{product}: {revenue} {currency}, {units} units</source>
        <translation>{product}：{revenue} {currency}，{units} 件</translation>
    </message>
    <message>
        <source>Best period: {day}</source>
        <translation>最佳时段：{day}</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>The table shows each product&apos;s revenue per {grain}.</source>
        <translation>表格显示各商品每{grain}的销售额。</translation>
    </message>
    <message>
        <source>Share of revenue (%)</source>
        <translation>销售额占比（%）</translation>
    </message>
    <message>
        <source>SKUs, best sellers first</source>
        <translation>SKU（按销量从高到低）</translation>
    </message>
    <message>
        <source>#{rank} {sku} ({abc}): {revenue}, {share} % so far</source>
        <translation>第{rank}名 {sku}（{abc}）：{revenue}，累计占比 {share} %</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Cumulative share (%)</source>
        <translation>累计占比（%）</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>A: {a} SKUs bring 80 % of revenue; B: {b} the next 15 %; C: {c} the rest.</source>
        <translation>A类：{a} 个 SKU 贡献 80 % 销售额；B类：{b} 个贡献其后 15 %；C类：{c} 个贡献其余部分。</translation>
    </message>
    <message>
        <source>A product&apos;s revenue is what its lines sold for, refunded units taken off, before order-wide discounts and shipping, so the products do not add up to the money above.</source>
        <translation>商品收入是其明细行的成交金额（已扣除退款件数），未减整单优惠、未含运费，因此各商品相加不等于上方的金额。</translation>
    </message>
    <message>
        <source>Share of the platform&apos;s units (%)</source>
        <translation>占该平台件数比例（%）</translation>
    </message>
    <message>
        <source>Unit price ({currency})</source>
        <translation>单价（{currency}）</translation>
    </message>
    <message>
        <source>{platform}: {units} units</source>
        <translation>{platform}：{units} 件</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起</translation>
    </message>
    <message>
        <source>To</source>
        <translation>止</translation>
    </message>
    <message>
        <source>Bars: each platform&apos;s units by unit price (share of its own units); a band runs from its price up to the next.</source>
        <translation>柱形：各平台按单价分布的件数（占该平台自身件数的比例）；每个价格带从其价格起，至下一档价格止。</translation>
    </message>
    <message>
        <source>Units in the order</source>
        <translation>每单件数</translation>
    </message>
    <message>
        <source>{units} units: {orders} orders ({share} %), {revenue} {currency}</source>
        <translation>{units} 件：{orders} 单（{share} %），{revenue} {currency}</translation>
    </message>
    <message>
        <source>Months after the first order</source>
        <translation>首单后月数</translation>
    </message>
    <message>
        <source>{month} cohort ({size} people): {people} bought {k} months later ({pct:.1f} %)</source>
        <translation>{month} 同期群（{size} 人）：{people} 人在 {k} 个月后复购（{pct:.1f} %）</translation>
    </message>
    <message>
        <source>Cohort</source>
        <translation>同期群</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Repurchase: {n} of {people} first-time buyers ({rate} %) ordered again. Cells: share of a month&apos;s first-time buyers who bought again k months later.</source>
        <translation>复购：{people} 位首购买家中有 {n} 位（{rate} %）再次下单。单元格：当月首购买家中在 k 个月后复购的比例。</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>会员数</translation>
    </message>
    <message>
        <source>{segment}: {members} members, spent {spend} {currency}</source>
        <translation>{segment}：{members} 位会员，消费 {spend} {currency}</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>人群</translation>
    </message>
    <message>
        <source>Spend</source>
        <translation>消费金额</translation>
    </message>
    <message>
        <source>1 SKU with money in a currency without an exchange rate has no share or class; the others are ranked among themselves.</source>
        <translation>1 个 SKU 有金额属于没有汇率的币种，没有占比和分类；其余 SKU 在彼此之间排名。</translation>
    </message>
    <message>
        <source>{count} SKUs with money in a currency without an exchange rate have no share or class; the others are ranked among themselves.</source>
        <translation>{count} 个 SKU 有金额属于没有汇率的币种，没有占比和分类；其余 SKU 在彼此之间排名。</translation>
    </message>
    <message>
        <source>1 SKU with money in a currency without an exchange rate: no share or class can be worked out.</source>
        <translation>1 个 SKU 有金额属于没有汇率的币种：无法算出占比和分类。</translation>
    </message>
    <message>
        <source>{count} SKUs with money in a currency without an exchange rate: no share or class can be worked out.</source>
        <translation>{count} 个 SKU 有金额属于没有汇率的币种：无法算出占比和分类。</translation>
    </message>
    <message>
        <source>Members of the whole shop today; the filters do not apply.</source>
        <translation>当前全店会员；不受筛选条件影响。</translation>
    </message>
    <message>
        <source>{province} (orders naming no city): {revenue} {currency} from {orders} orders</source>
        <translation>{province}（未写城市的订单）：{revenue} {currency}，共 {orders} 单</translation>
    </message>
    <message>
        <source>{city}: {revenue} {currency} from {orders} orders</source>
        <translation>{city}：{revenue} {currency}，共 {orders} 单</translation>
    </message>
    <message>
        <source>An order naming a city counts under its city; one naming only a province or state counts under that (lighter bars).</source>
        <translation>写明城市的订单计入该城市；只写了省份/州的订单计入该省份/州（浅色条）。</translation>
    </message>
    <message>
        <source>{n} sold orders name no place (the export gave no city, province or state).</source>
        <translation>{n} 笔成交订单没有地点信息（导出数据中既无城市，也无省份/州）。</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家/地区</translation>
    </message>
    <message>
        <source>Province or state</source>
        <translation>省份/州</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>No sold order of this period has a time of day in its export ({platforms}): there are no hours to show.</source>
        <translation>本期的成交订单在导出中都没有具体时刻（{platforms}）：无法按小时显示。</translation>
    </message>
    <message>
        <source>Hour of the day (the platform&apos;s local time)</source>
        <translation>时段（平台当地时间）</translation>
    </message>
    <message>
        <source>{day} {hour}:00–{hour}:59: {orders} orders</source>
        <translation>{day} {hour}:00–{hour}:59：{orders} 单</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>星期</translation>
    </message>
    <message>
        <source>day</source>
        <translation>天</translation>
    </message>
    <message>
        <source>week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>近7天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>近30天</translation>
    </message>
    <message>
        <source>Chosen range</source>
        <translation>所选时间范围</translation>
    </message>
    <message>
        <source>was 0</source>
        <translation>原为 0</translation>
    </message>
    <message>
        <source>Avg. order</source>
        <translation>客单价</translation>
    </message>
    <message>
        <source>Money refunded %</source>
        <translation>退款金额占比</translation>
    </message>
    <message>
        <source>New / back</source>
        <translation>新客 / 老客</translation>
    </message>
    <message>
        <source>Sold orders&apos; totals less refunds</source>
        <translation>成交订单金额减去退款</translation>
    </message>
    <message>
        <source>Revenue ÷ orders</source>
        <translation>销售额 ÷ 订单数</translation>
    </message>
    <message>
        <source>Units sold, refunded units taken off</source>
        <translation>售出件数，已扣除退款件数</translation>
    </message>
    <message>
        <source>Money refunded ÷ money paid, over every paid order</source>
        <translation>退款金额 ÷ 支付金额，按全部已支付订单计算</translation>
    </message>
    <message>
        <source>Buyers whose first order ever falls in the period / buyers who had bought before</source>
        <translation>首次下单在本周期内的买家 / 此前购买过的买家</translation>
    </message>
    <message>
        <source>Against the period before (same number of days) and the same dates a year ago</source>
        <translation>对比上一周期（同等天数）及去年同期</translation>
    </message>
    <message>
        <source>Against the period before</source>
        <translation>较上一周期</translation>
    </message>
    <message>
        <source>Against the same dates last year</source>
        <translation>较去年同期</translation>
    </message>
    <message>
        <source>{n} orders in currencies without a rate are left out of money (Edit › Exchange rates…).</source>
        <translation>{n} 笔订单的币种没有汇率，未计入金额（编辑 › 汇率…）。</translation>
    </message>
    <message>
        <source>Money is net of refunds, converted to {currency} at your rates (Edit › Exchange rates…); ▲▼: against the period before, then the same dates last year.</source>
        <translation>金额已扣除退款，按您设置的汇率折算为 {currency}（编辑 › 汇率…）；▲▼：先比上一周期，再比去年同期。</translation>
    </message>
    <message>
        <source>Money is net of refunds, in {currency} only (orders in other currencies are left out); ▲▼: against the period before, then the same dates last year.</source>
        <translation>金额已扣除退款，仅统计 {currency}（其他币种订单未计入）；▲▼：依次为较上一周期、较去年同期。</translation>
    </message>
    <message>
        <source>Cost of goods</source>
        <translation>商品成本</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Ads</source>
        <translation>广告</translation>
    </message>
    <message>
        <source>Partial refunds</source>
        <translation>部分退款</translation>
    </message>
    <message>
        <source>Net profit</source>
        <translation>净利润</translation>
    </message>
    <message>
        <source>Takings</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>(estimated)</source>
        <translation>（估算）</translation>
    </message>
    <message>
        <source>Some goods have no known cost: net reads too high</source>
        <translation>部分商品成本未知：净利润偏高</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Margin %</source>
        <translation>利润率 %</translation>
    </message>
    <message>
        <source>Estimated</source>
        <translation>估算</translation>
    </message>
    <message>
        <source>Orders refunded in full are not in takings; partial refunds are what kept orders paid back (After-sales counts both).</source>
        <translation>全额退款的订单不计入收入；部分退款指保留订单退回的金额（售后页两者都统计）。</translation>
    </message>
    <message>
        <source>Light green: estimated, some orders have no settlement yet and their fees come from the fee rates.</source>
        <translation>浅绿色：估算值，部分订单尚无结算，其费用按费率估算。</translation>
    </message>
    <message>
        <source>Some goods sold have no known cost (no cost given, or the export named no products): cost of goods leaves them out, so profit reads too high and those months show no margin (give costs in Listings &amp; Inventory).</source>
        <translation>部分已售商品成本未知（未填写成本，或导出文件未列出商品明细）：商品成本未计入它们，利润偏高，这些月份不显示利润率（请在“商品与库存”中填写成本）。</translation>
    </message>
    <message>
        <source>Left out for want of an exchange rate: {currencies}.</source>
        <translation>因缺少汇率而未计入：{currencies}。</translation>
    </message>
</context>
<context>
    <name>ChartsTab</name>
    <message>
        <source>Last 90 days</source>
        <translation>最近 90 天</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>近7天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>近30天</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>最近 12 个月</translation>
    </message>
    <message>
        <source>Last 2 years</source>
        <translation>最近 2 年</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <source>Dates…</source>
        <translation>自选日期…</translation>
    </message>
    <message>
        <source>By day</source>
        <translation>按天</translation>
    </message>
    <message>
        <source>By week</source>
        <translation>按周</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>按月</translation>
    </message>
    <message>
        <source>Save chart as PNG…</source>
        <translation>图表另存为 PNG…</translation>
    </message>
    <message>
        <source>Save data as CSV…</source>
        <translation>数据另存为 CSV…</translation>
    </message>
    <message>
        <source>Copy selection</source>
        <translation>复制所选</translation>
    </message>
    <message>
        <source>Tab-separated, ready to paste into a spreadsheet (Ctrl+C)</source>
        <translation>以制表符分隔，可直接粘贴到表格软件（Ctrl+C）</translation>
    </message>
    <message>
        <source>Payouts…</source>
        <translation>回款对账…</translation>
    </message>
    <message>
        <source>Fee rates and costs…</source>
        <translation>费率与成本…</translation>
    </message>
    <message>
        <source>Low-conversion thresholds…</source>
        <translation>低转化阈值…</translation>
    </message>
    <message>
        <source>Platform:</source>
        <translation>平台：</translation>
    </message>
    <message>
        <source>Shop:</source>
        <translation>店铺：</translation>
    </message>
    <message>
        <source>Currency:</source>
        <translation>币种：</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>类目：</translation>
    </message>
    <message>
        <source>Exchange rates…</source>
        <translation>汇率…</translation>
    </message>
    <message>
        <source>Sales trend</source>
        <translation>销售趋势</translation>
    </message>
    <message>
        <source>Sales by platform</source>
        <translation>分平台销售</translation>
    </message>
    <message>
        <source>Top products</source>
        <translation>热销商品</translation>
    </message>
    <message>
        <source>ABC Pareto curve</source>
        <translation>ABC 帕累托曲线</translation>
    </message>
    <message>
        <source>Price bands</source>
        <translation>价格带</translation>
    </message>
    <message>
        <source>Basket size</source>
        <translation>每单件数</translation>
    </message>
    <message>
        <source>Repurchase and cohorts</source>
        <translation>复购与同期群</translation>
    </message>
    <message>
        <source>Customer segments</source>
        <translation>客户人群</translation>
    </message>
    <message>
        <source>Hour × weekday</source>
        <translation>时段 × 星期</translation>
    </message>
    <message>
        <source>Sales by city or province</source>
        <translation>分城市/省份销售</translation>
    </message>
    <message>
        <source>Profit</source>
        <translation>利润</translation>
    </message>
    <message>
        <source>Channels &amp; ads</source>
        <translation>渠道与广告</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>转化率</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Show all time</source>
        <translation>显示全部时间</translation>
    </message>
    <message numerus="yes">
        <source>%Ln sold order(s) in {currencies} have no exchange rate to {base}: their unit prices in {base} are unknown, so their units are in no band.</source>
        <translation>
            <numerusform>{currencies} 的 %Ln 笔已售订单没有兑 {base} 的汇率：其以 {base} 计的单价未知，因此其件数不计入任何价格带。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln sold order(s) in {currencies} have no exchange rate to {base}: their money is unknown, shown as — (no bar, a gap in a line), never as 0.</source>
        <translation>
            <numerusform>{currencies} 的 %Ln 笔已售订单没有兑 {base} 的汇率：其金额未知，显示为 —（无柱、折线断开），绝不按 0 计。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln sold order(s) have only a date in their export ({platforms}): they are not in the hours.</source>
        <translation>
            <numerusform>%Ln 笔成交订单在导出中只有日期（{platforms}）：未计入各小时。</numerusform>
        </translation>
    </message>
    <message>
        <source>No orders in this period: this shop&apos;s orders run from {first} to {last}.</source>
        <translation>此期间没有订单：本店订单的时间范围为 {first} 至 {last}。</translation>
    </message>
    <message>
        <source>Save chart as PNG</source>
        <translation>图表另存为 PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <source>Save chart data as CSV</source>
        <translation>图表数据另存为 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Save chart data</source>
        <translation>保存图表数据</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>时间范围：</translation>
    </message>
</context>
<context>
    <name>ChecklistTemplateDialog</name>
    <message>
        <source>Checklist template</source>
        <translation>任务清单模板</translation>
    </message>
    <message>
        <source>Every campaign you plan gets these tasks, each due the given number of days before it starts. Type over a name to word it your way.</source>
        <translation>新建的每个活动都会带上这些任务，截止日为活动开始前指定天数。可直接改写任务名称。</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Days before the start</source>
        <translation>开始前天数</translation>
    </message>
    <message>
        <source>Days before the start must be a whole number.</source>
        <translation>开始前天数必须为整数。</translation>
    </message>
</context>
<context>
    <name>ConversionSettingsDialog</name>
    <message>
        <source>Low-conversion thresholds</source>
        <translation>低转化阈值</translation>
    </message>
    <message>
        <source>A product is listed as converting badly when it had at least this many sessions and fewer orders per session than this. The settings are kept in this shop.</source>
        <translation>商品的访客数不低于下面的数值、且转化率（订单数 ÷ 访客数）低于下面的比例时，会被列为低转化商品。设置保存在本店铺中。</translation>
    </message>
    <message>
        <source> sessions</source>
        <translation> 个访客</translation>
    </message>
    <message>
        <source>At least</source>
        <translation>访客数至少</translation>
    </message>
    <message>
        <source>Converting under</source>
        <translation>转化率低于</translation>
    </message>
</context>
<context>
    <name>DayGrid</name>
    <message>
        <source>{name} (warm-up)</source>
        <translation>{name}（预热）</translation>
    </message>
    <message>
        <source>+{count} more</source>
        <translation>还有 {count} 项</translation>
    </message>
</context>
<context>
    <name>DemoImport</name>
    <message>
        <source>This is the demo shop</source>
        <translation>这是演示店铺</translation>
    </message>
    <message>
        <source>The shop open now is the demo: its orders, members and campaigns are made up. Imported here, your files would be added to them, and every figure would mix your sales with the demo&apos;s.</source>
        <translation>当前打开的是演示店铺：其中的订单、会员和活动都是虚构的。在这里导入，您的文件会与它们混在一起，所有数字都会把您的销售和演示数据加在一起。</translation>
    </message>
    <message>
        <source>Start a shop of your own with these files? The demo stays as it is.</source>
        <translation>用这些文件新建您自己的店铺吗？演示店铺保持不变。</translation>
    </message>
    <message>
        <source>Start my own shop…</source>
        <translation>新建我的店铺…</translation>
    </message>
    <message>
        <source>Add them to the demo</source>
        <translation>仍导入演示店铺</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Something went wrong</source>
        <translation>出现了问题</translation>
    </message>
    <message>
        <source>Shopkeeper hit an unexpected problem. Your shop data is safe: unfinished changes were not saved.</source>
        <translation>Shopkeeper 遇到了意外问题。您的店铺数据是安全的：未完成的更改没有保存。</translation>
    </message>
    <message>
        <source>Details were written to the log:
{path}</source>
        <translation>详细信息已写入日志：
{path}</translation>
    </message>
</context>
<context>
    <name>ExchangeRatesDialog</name>
    <message>
        <source>Exchange rates</source>
        <translation>汇率</translation>
    </message>
    <message>
        <source>Figures across platforms (charts, members&apos; spend, tiers and points, ABC, profit) are counted in your base currency. Type what one unit of each other currency is worth in it; money in a currency without a rate is left out of those figures, never guessed.</source>
        <translation>跨平台的数字（图表、会员消费额、等级与积分、ABC、利润）按本位币计算。请填写其他每种币种 1 个单位折合多少本位币；没有汇率的币种金额不计入这些数字，绝不猜测。</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>汇率</translation>
    </message>
    <message>
        <source>Base currency</source>
        <translation>本位币</translation>
    </message>
    <message numerus="yes">
        <source>%Ln order(s) in {currencies} have no rate yet and are left out of converted figures.</source>
        <translation>
            <numerusform>{currencies} 的 %Ln 笔订单还没有汇率，未计入折算后的数字。</numerusform>
        </translation>
    </message>
    <message>
        <source>Every order can be converted.</source>
        <translation>所有订单都能折算。</translation>
    </message>
</context>
<context>
    <name>FeeRatesDialog</name>
    <message>
        <source>Fee rates and landed costs</source>
        <translation>费率与进货成本</translation>
    </message>
    <message>
        <source>Until a platform&apos;s settlement or payout report names an order, its fees are estimated from these rates and the order&apos;s profit is marked estimated. Percent is of what the buyer paid; the fixed amount is charged once per order.</source>
        <translation>在平台的结算或回款报表列出某笔订单之前，该订单的费用按这些费率估算，其利润标为“估算”。百分比按买家实付金额计算；固定费用每笔订单收取一次。</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>费用项</translation>
    </message>
    <message>
        <source>Percent</source>
        <translation>百分比</translation>
    </message>
    <message>
        <source>Fixed per order</source>
        <translation>每单固定费用</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认值</translation>
    </message>
    <message>
        <source>Fee rates</source>
        <translation>费率</translation>
    </message>
    <message>
        <source>Landed cost per purchase batch (goods, freight and duty per unit). Units sold take the oldest batch first; units no batch covers cost the SKU&apos;s catalogue cost. A quantity of 0 removes a batch.</source>
        <translation>每个进货批次的进货成本（每件的货款、运费和关税）。售出的件数先从最早的批次扣减；没有批次覆盖的件数按该 SKU 在商品库中的成本计算。数量填 0 即删除该批次。</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>到货日期</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation>单件成本</translation>
    </message>
    <message>
        <source>Save batch</source>
        <translation>保存批次</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>到货日期</translation>
    </message>
    <message>
        <source>Landed cost per unit</source>
        <translation>单件进货成本</translation>
    </message>
    <message>
        <source>Purchase lots</source>
        <translation>进货批次</translation>
    </message>
    <message>
        <source>Commission</source>
        <translation>佣金</translation>
    </message>
    <message>
        <source>Payment fee</source>
        <translation>支付手续费</translation>
    </message>
    <message>
        <source>default</source>
        <translation>默认</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <source>Import platform exports</source>
        <translation>导入平台导出文件</translation>
    </message>
    <message>
        <source>Exports (*.csv *.tsv *.txt *.xlsx *.xls *.zip);;All files (*)</source>
        <translation>导出文件 (*.csv *.tsv *.txt *.xlsx *.xls *.zip);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>An import is already running.</source>
        <translation>已有一个导入正在进行。</translation>
    </message>
    <message>
        <source>Cancelling… the shop is being put back as it was.</source>
        <translation>正在取消……店铺正在恢复到导入前的状态。</translation>
    </message>
    <message>
        <source>Import cancelled</source>
        <translation>导入已取消</translation>
    </message>
    <message>
        <source>The import was cancelled too late to stop {name}: it was imported and kept. File &gt; Import history… can undo it.</source>
        <translation>取消得太晚，未能阻止 {name}：它已导入并保留。可在“文件 &gt; 导入记录…”中撤销。</translation>
    </message>
    <message>
        <source>The import was cancelled. Shopkeeper could not check whether {name} was kept: import it again to find out (it says imported before if it was).</source>
        <translation>导入已取消。Shopkeeper 无法确认 {name} 是否已保留：请再导入一次查看（如已保留，会提示“之前已导入过”）。</translation>
    </message>
    <message>
        <source>The import was cancelled. Files imported before the cancel were kept; File &gt; Import history… can undo them.</source>
        <translation>导入已取消。取消之前已导入的文件已保留；可在“文件 &gt; 导入记录…”中撤销。</translation>
    </message>
    <message>
        <source>The import was cancelled. The shop is exactly as it was before.</source>
        <translation>导入已取消。店铺与导入前完全一致。</translation>
    </message>
</context>
<context>
    <name>ImportFormat</name>
    <message>
        <source>Orders (your column mapping)</source>
        <translation>订单（您的列映射）</translation>
    </message>
    <message>
        <source>Products and stock (your column mapping)</source>
        <translation>商品与库存（您的列映射）</translation>
    </message>
    <message>
        <source>Advertising (your column mapping)</source>
        <translation>广告（您的列映射）</translation>
    </message>
    <message>
        <source>Traffic (your column mapping)</source>
        <translation>流量（您的列映射）</translation>
    </message>
    <message>
        <source>PayPal activity download</source>
        <translation>PayPal 交易记录下载</translation>
    </message>
    <message>
        <source>Stripe balance transactions</source>
        <translation>Stripe 余额交易</translation>
    </message>
    <message>
        <source>Amazon orders</source>
        <translation>亚马逊订单</translation>
    </message>
    <message>
        <source>Amazon Business Report (by child item)</source>
        <translation>亚马逊业务报告（按子商品）</translation>
    </message>
    <message>
        <source>Amazon Business Report (by date)</source>
        <translation>亚马逊业务报告（按日期）</translation>
    </message>
    <message>
        <source>Shopify sessions report</source>
        <translation>Shopify 访问报告</translation>
    </message>
    <message>
        <source>eBay listings traffic report</source>
        <translation>eBay 刊登流量报告</translation>
    </message>
    <message>
        <source>生意参谋 商品</source>
        <translation>生意参谋 商品</translation>
    </message>
    <message>
        <source>Amazon Sponsored ads report</source>
        <translation>亚马逊广告报告</translation>
    </message>
    <message>
        <source>eBay advertising sales report</source>
        <translation>eBay 广告销售报告</translation>
    </message>
    <message>
        <source>万相台/直通车 推广报表</source>
        <translation>万相台/直通车 推广报表</translation>
    </message>
    <message>
        <source>拼多多 推广报表</source>
        <translation>拼多多 推广报表</translation>
    </message>
    <message>
        <source>京东快车/京准通 报表</source>
        <translation>京东快车/京准通 报表</translation>
    </message>
    <message>
        <source>巨量千川 报表</source>
        <translation>巨量千川 报表</translation>
    </message>
    <message>
        <source>Taobao Assistant products (淘宝助理)</source>
        <translation>淘宝助理商品</translation>
    </message>
    <message>
        <source>Youzan orders (有赞订单)</source>
        <translation>有赞订单</translation>
    </message>
    <message>
        <source>Alipay ledger (支付宝账务明细)</source>
        <translation>支付宝账务明细</translation>
    </message>
    <message>
        <source>Etsy sold orders</source>
        <translation>Etsy 已售订单</translation>
    </message>
    <message>
        <source>Etsy sold order items</source>
        <translation>Etsy 已售订单商品</translation>
    </message>
    <message>
        <source>Etsy listings</source>
        <translation>Etsy 商品刊登</translation>
    </message>
    <message>
        <source>Pinduoduo orders (拼多多订单)</source>
        <translation>拼多多订单</translation>
    </message>
    <message>
        <source>eBay transaction report</source>
        <translation>eBay 交易报告</translation>
    </message>
    <message>
        <source>WooCommerce products</source>
        <translation>WooCommerce 商品</translation>
    </message>
    <message>
        <source>WooCommerce orders</source>
        <translation>WooCommerce 订单</translation>
    </message>
    <message>
        <source>eBay orders</source>
        <translation>eBay 订单</translation>
    </message>
    <message>
        <source>Amazon settlement report (V2)</source>
        <translation>亚马逊结算报告（V2）</translation>
    </message>
    <message>
        <source>Amazon settlement report (legacy flat file)</source>
        <translation>亚马逊结算报告（旧版平面文件）</translation>
    </message>
    <message>
        <source>Amazon date range transaction report</source>
        <translation>亚马逊日期范围交易报告</translation>
    </message>
    <message>
        <source>Amazon returns</source>
        <translation>亚马逊退货</translation>
    </message>
    <message>
        <source>Pinduoduo ledger (店铺账务明细)</source>
        <translation>拼多多店铺账务明细</translation>
    </message>
    <message>
        <source>Douyin orders (抖店订单)</source>
        <translation>抖店订单</translation>
    </message>
    <message>
        <source>Douyin fund flow (动账明细)</source>
        <translation>抖店动账明细</translation>
    </message>
    <message>
        <source>Douyin settlement bill (结算账单)</source>
        <translation>抖店结算账单</translation>
    </message>
    <message>
        <source>Shopify Payments transactions</source>
        <translation>Shopify Payments 交易</translation>
    </message>
    <message>
        <source>Shopify Payments payouts</source>
        <translation>Shopify Payments 打款</translation>
    </message>
    <message>
        <source>Youzan statement (对账单)</source>
        <translation>有赞对账单</translation>
    </message>
    <message>
        <source>Taobao/Tmall orders (订单报表)</source>
        <translation>淘宝/天猫订单报表</translation>
    </message>
    <message>
        <source>Taobao/Tmall order lines (宝贝报表)</source>
        <translation>淘宝/天猫宝贝报表</translation>
    </message>
    <message>
        <source>Etsy monthly statement</source>
        <translation>Etsy 月度账单</translation>
    </message>
    <message>
        <source>Shopify orders</source>
        <translation>Shopify 订单</translation>
    </message>
    <message>
        <source>Shopify products</source>
        <translation>Shopify 商品</translation>
    </message>
    <message>
        <source>Shopify customers</source>
        <translation>Shopify 客户</translation>
    </message>
    <message>
        <source>JD bill (账单明细)</source>
        <translation>京东账单明细</translation>
    </message>
    <message>
        <source>JD orders (京东订单)</source>
        <translation>京东订单</translation>
    </message>
</context>
<context>
    <name>ImportHistoryDialog</name>
    <message>
        <source>Import history</source>
        <translation>导入记录</translation>
    </message>
    <message>
        <source>#</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>读取</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>未导入</translation>
    </message>
    <message>
        <source>Undo this import…</source>
        <translation>撤销此次导入…</translation>
    </message>
    <message>
        <source>{name} and {more} more tables</source>
        <translation>{name} 及另外 {more} 个表</translation>
    </message>
    <message>
        <source>{name} (undone)</source>
        <translation>{name}（已撤销）</translation>
    </message>
    <message>
        <source>Undo import</source>
        <translation>撤销导入</translation>
    </message>
    <message>
        <source>Select an import that is not undone yet.</source>
        <translation>请选择一条尚未撤销的导入记录。</translation>
    </message>
    <message>
        <source>Undo import #{id}? The shop goes back to exactly how it was before that file.</source>
        <translation>撤销第 {id} 次导入？店铺将完全恢复到导入该文件之前的状态。</translation>
    </message>
</context>
<context>
    <name>ImportProgressDialog</name>
    <message>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message numerus="yes">
        <source>Reading %Ln file(s)…</source>
        <translation>
            <numerusform>正在读取 %Ln 个文件…</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ImportResultsDialog</name>
    <message>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <source>{ok} of {total} file(s) imported.</source>
        <translation>已导入 {ok}/{total} 个文件。</translation>
    </message>
    <message>
        <source>Show rejected rows…</source>
        <translation>查看未导入的行…</translation>
    </message>
    <message>
        <source>Map columns…</source>
        <translation>映射列…</translation>
    </message>
    <message>
        <source>Tell Shopkeeper what the columns of a table it does not know hold</source>
        <translation>告诉 Shopkeeper 它不认识的表格中每一列是什么</translation>
    </message>
    <message>
        <source>Choose the shop…</source>
        <translation>选择店铺…</translation>
    </message>
    <message>
        <source>Import the files that do not say which shop they are from into the shop you choose</source>
        <translation>把没有说明来自哪个店铺的文件导入您选择的店铺</translation>
    </message>
    <message>
        <source>Some tables have a shape Shopkeeper does not know. Select one and press Map columns… to import it.</source>
        <translation>有些表格的格式 Shopkeeper 不认识。选中一个，点“映射列…”即可导入。</translation>
    </message>
    <message>
        <source>Some files do not say which of a platform&apos;s shops they are from. Press Choose the shop… to import them into one.</source>
        <translation>有些文件没有说明来自平台上的哪个店铺。请点击“选择店铺…”把它们导入其中一个店铺。</translation>
    </message>
    <message>
        <source>{name}: Shopkeeper does not know the columns of this table yet; press Map columns… to import it</source>
        <translation>{name}：Shopkeeper 还不认识这个表格的列；点“映射列…”即可导入</translation>
    </message>
</context>
<context>
    <name>ListingChecksDialog</name>
    <message>
        <source>Listing checks</source>
        <translation>商品检查</translation>
    </message>
    <message>
        <source>Words China&apos;s Advertising Law forbids in listings (极限词). A title or description containing one is marked in the Listings tab. The list is kept in this shop.</source>
        <translation>《广告法》禁止在商品信息中使用的词语（极限词）。标题或描述中含有这些词时，会在“商品与库存”页标出。该词表保存在本店铺文件中。</translation>
    </message>
    <message>
        <source>New word</source>
        <translation>新词</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>删除所选</translation>
    </message>
    <message>
        <source>Restore the shipped list</source>
        <translation>恢复内置词表</translation>
    </message>
    <message>
        <source>A SKU&apos;s prices in one currency may differ by this share of the lowest before they are marked</source>
        <translation>同一币种下，一个 SKU 在各平台的价格与最低价相差超过此比例时会被标出</translation>
    </message>
    <message>
        <source>Price tolerance across platforms</source>
        <translation>跨平台价格容差</translation>
    </message>
    <message numerus="yes">
        <source>The shipped list, %Ln word(s)</source>
        <translation>
            <numerusform>内置词表，共 %Ln 个词</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This shop&apos;s own list, %Ln word(s)</source>
        <translation>
            <numerusform>本店铺的词表，共 %Ln 个词</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ListingProblem</name>
    <message>
        <source>Title too long</source>
        <translation>标题过长</translation>
    </message>
    <message>
        <source>Absolute terms</source>
        <translation>极限词</translation>
    </message>
    <message>
        <source>No description</source>
        <translation>缺少描述</translation>
    </message>
    <message>
        <source>No images</source>
        <translation>缺少图片</translation>
    </message>
    <message>
        <source>Duplicate title</source>
        <translation>标题重复</translation>
    </message>
    <message>
        <source>Price spread</source>
        <translation>价格不一致</translation>
    </message>
    <message>
        <source>Unlinked SKU</source>
        <translation>未关联 SKU</translation>
    </message>
</context>
<context>
    <name>ListingStatus</name>
    <message>
        <source>Active</source>
        <translation>在售</translation>
    </message>
    <message>
        <source>Delisted</source>
        <translation>已下架</translation>
    </message>
    <message>
        <source>Seasonal</source>
        <translation>季节性</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新品</translation>
    </message>
    <message>
        <source>(out of season)</source>
        <translation>（非当季）</translation>
    </message>
</context>
<context>
    <name>ListingsTab</name>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>规格</translation>
    </message>
    <message>
        <source>Sold on</source>
        <translation>销售平台</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>售价</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>毛利率</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Sold (30 days)</source>
        <translation>近 30 天销量</translation>
    </message>
    <message>
        <source>Days of cover</source>
        <translation>可售天数</translation>
    </message>
    <message>
        <source>Reorder at</source>
        <translation>补货点</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存状态</translation>
    </message>
    <message>
        <source>▣ Bundle</source>
        <translation>▣ 组合</translation>
    </message>
    <message>
        <source>Lead time (days)</source>
        <translation>到货周期（天）</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Avg / day</source>
        <translation>日均</translation>
    </message>
    <message>
        <source>To buy</source>
        <translation>建议采购</translation>
    </message>
    <message>
        <source>Order cost</source>
        <translation>采购成本</translation>
    </message>
    <message>
        <source>ABC</source>
        <translation>ABC</translation>
    </message>
    <message>
        <source>XYZ</source>
        <translation>XYZ</translation>
    </message>
    <message>
        <source>Dead stock</source>
        <translation>滞销</translation>
    </message>
    <message>
        <source>Safety stock</source>
        <translation>安全库存</translation>
    </message>
    <message>
        <source>Pack size</source>
        <translation>包装规格</translation>
    </message>
    <message>
        <source>Minimum order</source>
        <translation>最小起订量</translation>
    </message>
    <message>
        <source>Target cover (days)</source>
        <translation>目标可售天数</translation>
    </message>
    <message>
        <source>Season</source>
        <translation>销售季</translation>
    </message>
    <message>
        <source>Sold 7 d</source>
        <translation>7天销量</translation>
    </message>
    <message>
        <source>Sold 30 d</source>
        <translation>30天销量</translation>
    </message>
    <message>
        <source>Sold 90 d</source>
        <translation>90天销量</translation>
    </message>
    <message>
        <source>Lowest price</source>
        <translation>最低价</translation>
    </message>
    <message>
        <source>Highest price</source>
        <translation>最高价</translation>
    </message>
    <message>
        <source>Cost unknown</source>
        <translation>成本未知</translation>
    </message>
    <message>
        <source>From orders only</source>
        <translation>仅来自订单</translation>
    </message>
    <message>
        <source>Bundle</source>
        <translation>组合</translation>
    </message>
    <message>
        <source>A bundle&apos;s stock is what its parts allow: count its parts, not the bundle</source>
        <translation>组合商品的库存由其组件决定：请盘点组件，而不是组合商品</translation>
    </message>
    <message>
        <source>Reorder view: what to buy now</source>
        <translation>补货视图：现在该采购的</translation>
    </message>
    <message>
        <source>SKUs at or below their reorder point with a quantity to buy</source>
        <translation>库存不高于补货点、有建议采购数量的 SKU</translation>
    </message>
    <message>
        <source>Export reorder list…</source>
        <translation>导出补货清单…</translation>
    </message>
    <message>
        <source>Save what to buy now as a CSV purchase list</source>
        <translation>将现在该采购的商品保存为 CSV 采购清单</translation>
    </message>
    <message>
        <source>Only SKUs without a cost</source>
        <translation>只看没有成本的 SKU</translation>
    </message>
    <message>
        <source>Channel links</source>
        <translation>平台商品关联</translation>
    </message>
    <message>
        <source>Platform SKUs waiting to be linked to your catalogue, with suggestions</source>
        <translation>等待关联到商品库的平台 SKU，附带建议</translation>
    </message>
    <message numerus="yes">
        <source>Channel links (%Ln waiting)</source>
        <translation>
            <numerusform>平台商品关联（%Ln 个待关联）</numerusform>
        </translation>
    </message>
    <message>
        <source>Every status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在售</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新品</translation>
    </message>
    <message>
        <source>Seasonal</source>
        <translation>季节性</translation>
    </message>
    <message>
        <source>Out of season</source>
        <translation>非当季</translation>
    </message>
    <message>
        <source>Delisted</source>
        <translation>已下架</translation>
    </message>
    <message>
        <source>Selected SKUs ▾</source>
        <translation>所选 SKU ▾</translation>
    </message>
    <message>
        <source>Delist, relist, make seasonal, mark new, or set a field for every selected SKU (one undo step)</source>
        <translation>对所有选中的 SKU 下架、重新上架、设为季节性、标记新品或统一设置某一字段（一步撤销）</translation>
    </message>
    <message>
        <source>Bundle…</source>
        <translation>组合商品…</translation>
    </message>
    <message>
        <source>Make the selected SKU a bundle of other SKUs, or change its parts</source>
        <translation>把所选 SKU 设为由其他 SKU 组成的组合商品，或修改其组件</translation>
    </message>
    <message>
        <source>Select a SKU first.</source>
        <translation>请先选择一个 SKU。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln SKU(s) to buy, costing {money}</source>
        <translation>
            <numerusform>需采购 %Ln 个 SKU，成本 {money}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%Ln without a cost not counted)</source>
        <translation>
            <numerusform>（%Ln 个无成本的未计入）</numerusform>
        </translation>
    </message>
    <message>
        <source>Export reorder list</source>
        <translation>导出补货清单</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln SKU(s) saved to {path}</source>
        <translation>
            <numerusform>已将 %Ln 个 SKU 保存到 {path}</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;{skus}&lt;/b&gt; SKUs · &lt;span style=&apos;color:#e65100&apos;&gt;&lt;b&gt;{low}&lt;/b&gt; to reorder&lt;/span&gt; · &lt;span style=&apos;color:#c62828&apos;&gt;&lt;b&gt;{out}&lt;/b&gt; out of stock&lt;/span&gt; · &lt;b&gt;{dead}&lt;/b&gt; dead stock · stock value at cost &lt;b&gt;{value}&lt;/b&gt;</source>
        <translation>&lt;b&gt;{skus}&lt;/b&gt; 个 SKU · &lt;span style=&apos;color:#e65100&apos;&gt;&lt;b&gt;{low}&lt;/b&gt; 个需补货&lt;/span&gt; · &lt;span style=&apos;color:#c62828&apos;&gt;&lt;b&gt;{out}&lt;/b&gt; 个缺货&lt;/span&gt; · &lt;b&gt;{dead}&lt;/b&gt; 个滞销 · 库存成本价值 &lt;b&gt;{value}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>safety stock + sales during the lead time</source>
        <translation>安全库存 + 到货周期内的销量</translation>
    </message>
    <message>
        <source>cost unknown</source>
        <translation>成本未知</translation>
    </message>
    <message numerus="yes">
        <source>{avg} over %Ln day(s) it could sell</source>
        <translation>
            <numerusform>{avg}（按 %Ln 天可售日计算）</numerusform>
        </translation>
    </message>
    <message>
        <source>The orders name no SKU for this item and its name matches no single imported product (none, or several): Shopkeeper keeps its sales under a SKU made from its title until a products export shows which product it is</source>
        <translation>订单没有给该商品 SKU，其名称也对应不到唯一一个已导入的商品（没有或有多个）：Shopkeeper 按其标题生成一个编号记录它的销量，直到商品导出文件能指明它是哪个商品</translation>
    </message>
    <message>
        <source>Reorder settings</source>
        <translation>补货设置</translation>
    </message>
    <message>
        <source>Set cost…</source>
        <translation>设置成本…</translation>
    </message>
    <message>
        <source>Listing problems</source>
        <translation>商品问题</translation>
    </message>
    <message>
        <source>Print purchase list…</source>
        <translation>打印采购单…</translation>
    </message>
    <message>
        <source>Print what to buy now, with quantities and costs</source>
        <translation>打印现在要采购的商品，含数量和成本</translation>
    </message>
    <message>
        <source>Only listings with problems</source>
        <translation>只看有问题的商品</translation>
    </message>
    <message>
        <source>Listing checks…</source>
        <translation>商品检查…</translation>
    </message>
    <message>
        <source>The words the Advertising Law forbids in listings, and the price difference allowed across platforms</source>
        <translation>《广告法》禁止在商品信息中使用的词语，以及跨平台允许的价格差异</translation>
    </message>
    <message>
        <source>Reorder settings…</source>
        <translation>补货设置…</translation>
    </message>
    <message>
        <source>How many days of sales make the demand, from which days, and when stock counts as dead</source>
        <translation>用多少天的销量计算需求、取哪段日期，以及多久不动销算滞销</translation>
    </message>
    <message>
        <source>Give every selected SKU the same cost (one undo step)</source>
        <translation>为所有选中的 SKU 设置相同的成本（可一步撤销）</translation>
    </message>
    <message>
        <source>Set cost</source>
        <translation>设置成本</translation>
    </message>
    <message>
        <source>Set reorder point…</source>
        <translation>设置补货点…</translation>
    </message>
    <message>
        <source>Reorder the selected SKUs at this stock level; leave it empty to go back to the level computed from sales</source>
        <translation>选中的 SKU 库存降到此数量时提醒补货；留空则恢复为根据销量计算的补货点</translation>
    </message>
    <message>
        <source>Set reorder point</source>
        <translation>设置补货点</translation>
    </message>
    <message>
        <source>Select a SKU to see its stock, reorder settings and where it is listed.</source>
        <translation>选择一个 SKU，查看其库存、补货设置和在售平台。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln SKU(s)</source>
        <translation>
            <numerusform>%Ln 个 SKU</numerusform>
        </translation>
    </message>
    <message>
        <source>Purchase list to print or send (*.pdf)</source>
        <translation>可打印或发送的采购单 (*.pdf)</translation>
    </message>
    <message>
        <source>Purchase list sent to the printer</source>
        <translation>采购单已发送到打印机</translation>
    </message>
    <message>
        <source>Select one or more SKUs first.</source>
        <translation>请先选择一个或多个 SKU。</translation>
    </message>
    <message>
        <source>Paste one value at a time.</source>
        <translation>每次只能粘贴一个值。</translation>
    </message>
    <message>
        <source>This column cannot be changed here.</source>
        <translation>此列不能在这里修改。</translation>
    </message>
    <message>
        <source>Not changed: {reason}</source>
        <translation>未修改：{reason}</translation>
    </message>
    <message>
        <source>from {price}</source>
        <translation>{price} 起</translation>
    </message>
    <message>
        <source>{days} days</source>
        <translation>{days} 天</translation>
    </message>
    <message>
        <source>set by you</source>
        <translation>手动设置</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Net / unit</source>
        <translation>单件净利</translation>
    </message>
    <message>
        <source>Margin after fees</source>
        <translation>扣费后毛利率</translation>
    </message>
    <message>
        <source>Profit estimated</source>
        <translation>利润为估算</translation>
    </message>
    <message>
        <source>Search SKU, product, variant or tag</source>
        <translation>搜索 SKU、商品、规格或标签</translation>
    </message>
    <message numerus="yes">
        <source>(%Ln SKU(s) in stock without a cost not counted)</source>
        <translation>
            <numerusform>（%Ln 个有库存但没有成本的 SKU 未计入）</numerusform>
        </translation>
    </message>
    <message>
        <source> · &lt;span style=&apos;color:#757575&apos;&gt;&lt;b&gt;{unknown}&lt;/b&gt; never counted&lt;/span&gt;</source>
        <translation> · &lt;span style=&apos;color:#757575&apos;&gt;&lt;b&gt;{unknown}&lt;/b&gt; 个从未盘点&lt;/span&gt;</translation>
    </message>
    <message>
        <source>a bundle is bought as its parts</source>
        <translation>组合商品按组件采购</translation>
    </message>
    <message>
        <source>Across platforms</source>
        <translation>各平台之间</translation>
    </message>
    <message>
        <source>unknown: type it in the Cost column</source>
        <translation>未知：请在“成本”列填写</translation>
    </message>
    <message>
        <source>no reorder suggested</source>
        <translation>不建议补货</translation>
    </message>
    <message>
        <source>{d7} · {d30} · {d90} (7 · 30 · 90 days)</source>
        <translation>{d7} · {d30} · {d90}（7 · 30 · 90 天）</translation>
    </message>
    <message>
        <source>Listing status</source>
        <translation>上架状态</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>销量</translation>
    </message>
    <message>
        <source>not counted: type the count in the On hand column</source>
        <translation>未盘点：请在“现有库存”列填写盘点数量</translation>
    </message>
    <message>
        <source>(ABC unknown: some of its sales are in a currency without an exchange rate)</source>
        <translation>（ABC 未知：部分销售所用币种没有汇率）</translation>
    </message>
    <message>
        <source>not counted: count its parts</source>
        <translation>未盘点：请盘点其组件</translation>
    </message>
    <message>
        <source>{count} (what its parts allow: count the parts, not the bundle)</source>
        <translation>{count}（由组件库存决定：请盘点组件，而非组合商品）</translation>
    </message>
    <message>
        <source>Sold (the same {n} days last year)</source>
        <translation>销量（去年同期 {n} 天）</translation>
    </message>
    <message>
        <source>Sold (last {n} days)</source>
        <translation>近 {n} 天销量</translation>
    </message>
    <message>
        <source>Average per day</source>
        <translation>日均销量</translation>
    </message>
    <message>
        <source>To buy now</source>
        <translation>现在应采购</translation>
    </message>
    <message>
        <source>ABC · XYZ</source>
        <translation>ABC · XYZ</translation>
    </message>
    <message>
        <source>nothing sold lately; {value} at cost</source>
        <translation>近期无销量；成本价值 {value}</translation>
    </message>
    <message>
        <source>{default} (default)</source>
        <translation>{default}（默认）</translation>
    </message>
    <message>
        <source>Lead time</source>
        <translation>到货周期</translation>
    </message>
    <message>
        <source>7 days of sales</source>
        <translation>7 天的销量</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Target cover</source>
        <translation>目标可售天数</translation>
    </message>
    <message>
        <source>listing {id}</source>
        <translation>商品链接 {id}</translation>
    </message>
    <message>
        <source>SKU {sku}</source>
        <translation>SKU {sku}</translation>
    </message>
    <message>
        <source>Not listed</source>
        <translation>未上架</translation>
    </message>
    <message>
        <source>no platform listing carries this SKU</source>
        <translation>没有任何平台在售此 SKU</translation>
    </message>
    <message>
        <source>{platform} gives this item no SKU: Shopkeeper keeps it under one made from its title (a renamed listing starts a new one)</source>
        <translation>{platform} 未给该商品 SKU：Shopkeeper 按其标题生成一个编号来记录它（商品改名后会换用新编号）</translation>
    </message>
    <message>
        <source>Price and margin</source>
        <translation>售价与毛利</translation>
    </message>
    <message>
        <source>Listed on</source>
        <translation>在售平台</translation>
    </message>
</context>
<context>
    <name>Lists</name>
    <message>
        <source>, </source>
        <comment>between the names or values of a list</comment>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>LoyaltySettingsDialog</name>
    <message>
        <source>Loyalty settings</source>
        <translation>会员积分设置</translation>
    </message>
    <message>
        <source>Earning</source>
        <translation>积分获取</translation>
    </message>
    <message>
        <source>Bonus events</source>
        <translation>积分加倍活动</translation>
    </message>
    <message>
        <source>Tiers</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Points per unit</source>
        <translation>每单位积分</translation>
    </message>
    <message>
        <source>Points per unit of the base currency for this platform&apos;s orders; empty: the rate above</source>
        <translation>该平台订单每单位本位币获得的积分；留空：按上方比率</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Each award expires after some months</source>
        <translation>每笔积分在若干个月后过期</translation>
    </message>
    <message>
        <source>Everything earned in a year is cleared on a date the next year</source>
        <translation>一年内获得的积分在次年某日统一清零</translation>
    </message>
    <message>
        <source>never</source>
        <translation>永不</translation>
    </message>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source>Points per unit of the base currency</source>
        <translation>每单位本位币获得积分</translation>
    </message>
    <message>
        <source>Per platform</source>
        <translation>按平台</translation>
    </message>
    <message>
        <source>Points stay pending (return window)</source>
        <translation>积分待生效期（退货期）</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>过期</translation>
    </message>
    <message>
        <source>Each award expires after</source>
        <translation>每笔积分过期时间</translation>
    </message>
    <message>
        <source>Cleared on (month-day, the next year)</source>
        <translation>清零日期（次年的月-日）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>The event&apos;s first day, YYYY-MM-DD (included)</source>
        <translation>活动首日，格式 YYYY-MM-DD（含当天）</translation>
    </message>
    <message>
        <source>To</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>The event&apos;s last day, YYYY-MM-DD (included)</source>
        <translation>活动末日，格式 YYYY-MM-DD（含当天）</translation>
    </message>
    <message>
        <source>Only orders on this platform earn the bonus; every platform: all of them</source>
        <translation>仅该平台的订单获得奖励；选“所有平台”则全部订单都获得</translation>
    </message>
    <message>
        <source>The order&apos;s points are multiplied by this</source>
        <translation>订单积分乘以此倍数</translation>
    </message>
    <message>
        <source>Extra points</source>
        <translation>额外积分</translation>
    </message>
    <message>
        <source>Points added to every order placed during the event</source>
        <translation>活动期间每笔订单额外增加的积分</translation>
    </message>
    <message>
        <source>A member enters the tier when what the thresholds count reaches this</source>
        <translation>门槛依据的累计达到此值即升入该等级</translation>
    </message>
    <message>
        <source>Keep at</source>
        <translation>保级门槛</translation>
    </message>
    <message>
        <source>At a review the member keeps the tier when the period just ended reaches this; empty: the same as Enter at</source>
        <translation>复核时上一周期的累计达到此值即保留该等级；留空：与升级门槛相同</translation>
    </message>
    <message>
        <source>The tier&apos;s points multiplier</source>
        <translation>该等级的积分倍数</translation>
    </message>
    <message>
        <source>Points ×</source>
        <translation>积分倍数 ×</translation>
    </message>
    <message>
        <source>Add event</source>
        <translation>添加活动</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>删除所选</translation>
    </message>
    <message>
        <source>Orders placed on the days of an event (both included, the order&apos;s local day) earn more: the largest × of the events running applies, and every event&apos;s extra points are added.</source>
        <translation>在活动期间（含首尾两天，按订单当地日期）下的订单获得更多积分：同时进行的活动取最大倍数，各活动的额外积分累加。</translation>
    </message>
    <message>
        <source>Every platform</source>
        <translation>所有平台</translation>
    </message>
    <message>
        <source>Rolling 12 months, reviewed each membership year</source>
        <translation>滚动 12 个月，每个会员年度复核</translation>
    </message>
    <message>
        <source>Calendar year, reviewed on 1 January</source>
        <translation>自然年，每年 1 月 1 日复核</translation>
    </message>
    <message>
        <source>Lifetime, never reviewed</source>
        <translation>终身累计，不复核</translation>
    </message>
    <message>
        <source>Spend in the base currency</source>
        <translation>本位币消费额</translation>
    </message>
    <message>
        <source>Points earned (base rate)</source>
        <translation>获得积分（基础比例）</translation>
    </message>
    <message>
        <source>Number of orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>名称（英文）</translation>
    </message>
    <message>
        <source>Name (Chinese)</source>
        <translation>名称（中文）</translation>
    </message>
    <message>
        <source>Enter at</source>
        <translation>升级门槛</translation>
    </message>
    <message>
        <source>Benefits (English)</source>
        <translation>权益（英文）</translation>
    </message>
    <message>
        <source>Benefits (Chinese)</source>
        <translation>权益（中文）</translation>
    </message>
    <message>
        <source>Preview who would move</source>
        <translation>预览等级变动</translation>
    </message>
    <message>
        <source>Counted over</source>
        <translation>统计周期</translation>
    </message>
    <message>
        <source>Thresholds count</source>
        <translation>门槛依据</translation>
    </message>
    <message>
        <source>Members move up as soon as an order takes them over a threshold, and down only at a review, when what they bought in the period just ended is below the keep threshold. Refunds and cancellations do not count. History is recomputed from the orders, so nothing is lost when you change these.</source>
        <translation>订单一旦使会员超过门槛即立即升级；只在复核时降级，即上一周期的消费低于保级门槛时。退款和取消的订单不计入。等级历史按订单重新计算，修改这些设置不会丢失任何记录。</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>计算中…</translation>
    </message>
    <message>
        <source>Today {up} member(s) would move up and {down} down.</source>
        <translation>按今天计算，{up} 位会员会升级，{down} 位会降级。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Listings &amp;&amp; Inventory</source>
        <translation>商品与库存</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Promotions</source>
        <translation>促销</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>After-sales</source>
        <translation>售后</translation>
    </message>
    <message>
        <source>&lt;b&gt;This shop is empty.&lt;/b&gt; Drag your platforms&apos; order, product or customer exports (CSV, Excel or zip) anywhere onto this window, or use File › Import…. Shopify, Etsy, Amazon, WooCommerce, eBay, Taobao/Tmall, JD, Pinduoduo, Douyin and Youzan exports are recognised by their columns.</source>
        <translation>&lt;b&gt;这个店铺还是空的。&lt;/b&gt;把各平台导出的订单、商品或客户文件（CSV、Excel 或 zip）拖到窗口任意位置，或使用“文件 › 导入…”。Shopify、Etsy、Amazon、WooCommerce、eBay、淘宝/天猫、京东、拼多多、抖音和有赞的导出文件会按列名自动识别。</translation>
    </message>
    <message>
        <source>&lt;b&gt;This is the demo shop:&lt;/b&gt; its orders, members and campaigns are made up, to try every tab.</source>
        <translation>&lt;b&gt;这是演示店铺：&lt;/b&gt;其中的订单、会员和活动都是虚构的，供您试用各个标签页。</translation>
    </message>
    <message>
        <source>Start my own shop…</source>
        <translation>新建我的店铺…</translation>
    </message>
    <message>
        <source>(or drop your exports on the window)</source>
        <translation>（或把导出文件拖到窗口上）</translation>
    </message>
    <message>
        <source>Drop platform exports here to import them</source>
        <translation>将平台导出文件拖到这里即可导入</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New shop…</source>
        <translation>新建店铺(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open shop…</source>
        <translation>打开店铺(&amp;O)…</translation>
    </message>
    <message>
        <source>Recent shops</source>
        <translation>最近的店铺</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Import into a s&amp;hop…</source>
        <translation>导入到指定店铺(&amp;H)…</translation>
    </message>
    <message>
        <source>Import &amp;history…</source>
        <translation>导入记录(&amp;H)…</translation>
    </message>
    <message>
        <source>Saved column &amp;mappings…</source>
        <translation>已保存的列映射(&amp;M)…</translation>
    </message>
    <message>
        <source>Export &amp;stock update…</source>
        <translation>导出库存更新文件(&amp;S)…</translation>
    </message>
    <message>
        <source>Export &amp;table…</source>
        <translation>导出表格(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Privacy…</source>
        <translation>隐私(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Backup now…</source>
        <translation>立即备份(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Audit trail…</source>
        <translation>操作记录(&amp;A)…</translation>
    </message>
    <message>
        <source>E&amp;xchange rates…</source>
        <translation>汇率(&amp;X)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Shopkeeper</source>
        <translation>关于 Shopkeeper(&amp;A)</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>（暂无）</translation>
    </message>
    <message>
        <source>Export table</source>
        <translation>导出表格</translation>
    </message>
    <message>
        <source>This tab has no table to export; choose Listings or Members.</source>
        <translation>此标签页没有可导出的表格；请切换到“商品与库存”或“会员”。</translation>
    </message>
    <message>
        <source>Demo shop</source>
        <translation>演示店铺</translation>
    </message>
    <message numerus="yes">
        <source>%Ln campaign task(s) overdue</source>
        <translation>
            <numerusform>%Ln项活动任务已逾期</numerusform>
        </translation>
    </message>
    <message>
        <source>{shop} — Shopkeeper</source>
        <translation>{shop} — Shopkeeper</translation>
    </message>
    <message>
        <source>{orders} orders · {members} members · {products} SKUs · {imports} imports</source>
        <translation>{orders} 笔订单 · {members} 位会员 · {products} 个 SKU · {imports} 次导入</translation>
    </message>
    <message>
        <source>orders&apos; totals {totals}</source>
        <translation>订单金额合计 {totals}</translation>
    </message>
    <message>
        <source>Orders&apos; totals are what the imported orders add up to, unpaid, cancelled and refunded ones included. Net sales are on the Charts tab.</source>
        <translation>订单金额合计是导入订单的总和，包括未付款、已取消和已退款的订单。净销售额请看“图表”标签页。</translation>
    </message>
</context>
<context>
    <name>MappingDialog</name>
    <message>
        <source>Map the columns of {file}</source>
        <translation>映射 {file} 的列</translation>
    </message>
    <message>
        <source>Shopkeeper does not know the shape of this table. Tell it what each column holds: the mapping is saved, so the next file with these columns imports by itself.</source>
        <translation>Shopkeeper 不认识这个表格的格式。请告诉它每一列是什么：映射会被保存，下次遇到同样列的文件会自动导入。</translation>
    </message>
    <message>
        <source>Orders (one row per order or per order line)</source>
        <translation>订单（每行一个订单或一个订单商品）</translation>
    </message>
    <message>
        <source>Products and stock (one row per SKU)</source>
        <translation>商品与库存（每行一个 SKU）</translation>
    </message>
    <message>
        <source>Advertising (spend per day, campaign or product)</source>
        <translation>广告（按天、推广计划或商品统计的花费）</translation>
    </message>
    <message>
        <source>Traffic (sessions per day and product)</source>
        <translation>流量（按天和商品统计的访客数）</translation>
    </message>
    <message>
        <source>The table holds:</source>
        <translation>表格内容：</translation>
    </message>
    <message>
        <source>Sold on:</source>
        <translation>销售平台：</translation>
    </message>
    <message>
        <source>Save the mapping as:</source>
        <translation>映射保存为：</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>First values</source>
        <translation>前几个值</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>对应字段</translation>
    </message>
    <message>
        <source>The first rows of the file:</source>
        <translation>文件的前几行：</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Save and import</source>
        <translation>保存并导入</translation>
    </message>
    <message>
        <source>Order id</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Order time</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Product title</source>
        <translation>商品名称</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>规格</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Line total</source>
        <translation>商品小计</translation>
    </message>
    <message>
        <source>Order total</source>
        <translation>订单金额</translation>
    </message>
    <message>
        <source>Shipping</source>
        <translation>运费</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>优惠</translation>
    </message>
    <message>
        <source>Refunded amount</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Order status</source>
        <translation>订单状态</translation>
    </message>
    <message>
        <source>Buyer (id or nickname)</source>
        <translation>买家（账号或昵称）</translation>
    </message>
    <message>
        <source>Buyer name</source>
        <translation>买家姓名</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Province or state</source>
        <translation>省份/州</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>售价</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Stock on hand</source>
        <translation>现有库存</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类目</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Ad channel</source>
        <translation>广告渠道</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>推广计划</translation>
    </message>
    <message>
        <source>Ad group</source>
        <translation>推广单元</translation>
    </message>
    <message>
        <source>Product or item id</source>
        <translation>商品（名称或 ID）</translation>
    </message>
    <message>
        <source>Impressions</source>
        <translation>展现量</translation>
    </message>
    <message>
        <source>Clicks</source>
        <translation>点击量</translation>
    </message>
    <message>
        <source>Ad spend</source>
        <translation>广告花费</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>销售额</translation>
    </message>
    <message>
        <source>Sessions (visitors)</source>
        <translation>访客数</translation>
    </message>
    <message>
        <source>Page views</source>
        <translation>浏览量</translation>
    </message>
    <message>
        <source>Other / my own shop</source>
        <translation>其他 / 我自己的店</translation>
    </message>
    <message>
        <source>The file no longer holds this table.</source>
        <translation>文件中已没有这个表格。</translation>
    </message>
    <message>
        <source>— not imported —</source>
        <translation>— 不导入 —</translation>
    </message>
    <message>
        <source>Still to choose: {fields} (marked *).</source>
        <translation>还需选择：{fields}（标 * 的）。</translation>
    </message>
    <message>
        <source>Press Check to see what the import would do, or Save and import.</source>
        <translation>点“检查”预览导入结果，或直接“保存并导入”。</translation>
    </message>
    <message>
        <source>Checking the whole file with this mapping…</source>
        <translation>正在用这个映射检查整个文件…</translation>
    </message>
    <message>
        <source>Choose the columns for: {fields}.</source>
        <translation>请为这些字段选择列：{fields}。</translation>
    </message>
    <message>
        <source>This mapping cannot import the file: {problem}.</source>
        <translation>用这个映射无法导入该文件：{problem}。</translation>
    </message>
    <message>
        <source>Ready: 1 row read</source>
        <translation>可以导入：读取 1 行</translation>
    </message>
    <message>
        <source>Ready: {n} rows read</source>
        <translation>可以导入：读取 {n} 行</translation>
    </message>
    <message>
        <source>, 1 row would not be imported.</source>
        <translation>，有 1 行不会被导入。</translation>
    </message>
    <message>
        <source>, {n} rows would not be imported.</source>
        <translation>，有 {n} 行不会被导入。</translation>
    </message>
    <message>
        <source>Row {row}, {column} “{value}”: {reason}</source>
        <translation>第 {row} 行，{column}“{value}”：{reason}</translation>
    </message>
    <message>
        <source>Row {row}: {reason}</source>
        <translation>第 {row} 行：{reason}</translation>
    </message>
    <message>
        <source>, every row can be imported.</source>
        <translation>，所有行都能导入。</translation>
    </message>
</context>
<context>
    <name>MemberDuplicates</name>
    <message>
        <source>same name and city</source>
        <translation>同名且同城</translation>
    </message>
    <message>
        <source>same name and last four digits of the phone</source>
        <translation>同名且手机号后四位相同</translation>
    </message>
    <message>
        <source>same name and e-mail name on another domain</source>
        <translation>同名且邮箱用户名相同（域名不同）</translation>
    </message>
</context>
<context>
    <name>MemberDuplicatesDialog</name>
    <message>
        <source>Possible duplicates</source>
        <translation>可能重复的会员</translation>
    </message>
    <message>
        <source>Members who may be one person buying on several platforms or accounts. Shopkeeper joins people by itself only on the same e-mail or full phone number; these look alike for the reasons given. Merge them, or say they are different people so they are not suggested again.</source>
        <translation>这些会员可能是同一个人在多个平台或账号购买。Shopkeeper 只会按相同邮箱或完整手机号自动合并；以下会员因所列原因看起来相似。你可以合并，或标记为不同的人，之后不再提示。</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Buys on</source>
        <translation>购买平台</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>No possible duplicates: every likely match has been answered.</source>
        <translation>没有可能重复的会员：所有疑似匹配都已处理。</translation>
    </message>
    <message>
        <source>Same person: merge</source>
        <translation>是同一人：合并</translation>
    </message>
    <message>
        <source>Not the same person</source>
        <translation>不是同一人</translation>
    </message>
</context>
<context>
    <name>MemberIdentityBar</name>
    <message>
        <source>Possible duplicates…</source>
        <translation>可能重复的会员…</translation>
    </message>
    <message>
        <source>Merge selected</source>
        <translation>合并所选</translation>
    </message>
    <message>
        <source>Make the selected members one person (the one who joined first stays)</source>
        <translation>把所选会员合并为一人（保留最早加入的）</translation>
    </message>
    <message>
        <source>Split accounts…</source>
        <translation>拆分账号…</translation>
    </message>
    <message>
        <source>Move some of this member&apos;s platform accounts to a member of their own</source>
        <translation>把该会员的部分平台账号拆出，成为单独的会员</translation>
    </message>
    <message>
        <source>Show contact details</source>
        <translation>显示联系方式</translation>
    </message>
    <message>
        <source>E-mails and phones are masked; showing them is recorded in the privacy log</source>
        <translation>邮箱和手机号默认脱敏；显示明文会记录在隐私日志中</translation>
    </message>
    <message>
        <source>Merge members</source>
        <translation>合并会员</translation>
    </message>
    <message>
        <source>Select two or more members in the table to merge them.</source>
        <translation>请在表格中选择两个或更多会员进行合并。</translation>
    </message>
    <message>
        <source>Make these {count} members one person? Their accounts, orders and points from orders move to the member who joined first. Edit › Undo takes it back.</source>
        <translation>把这 {count} 位会员合并为一人吗？他们的账号、订单和订单积分将移到最早加入的会员名下。可用“编辑 › 撤销”恢复。</translation>
    </message>
    <message>
        <source>Split accounts</source>
        <translation>拆分账号</translation>
    </message>
    <message>
        <source>Select a member with two or more platform accounts to split.</source>
        <translation>请选择一位有两个或更多平台账号的会员进行拆分。</translation>
    </message>
    <message>
        <source>Show members&apos; e-mails and phones unmasked? They are your buyers&apos; personal data; Shopkeeper notes in the shop&apos;s privacy log that you showed them.</source>
        <translation>显示会员的邮箱和手机号明文吗？这些是买家的个人信息；Shopkeeper 会在店铺的隐私日志中记录你显示过它们。</translation>
    </message>
    <message>
        <source>Not changed</source>
        <translation>未修改</translation>
    </message>
</context>
<context>
    <name>MemberLoyaltyPanel</name>
    <message>
        <source>Points and tier</source>
        <translation>积分与等级</translation>
    </message>
    <message>
        <source>Adjust points…</source>
        <translation>调整积分…</translation>
    </message>
    <message>
        <source>Redeem…</source>
        <translation>兑换…</translation>
    </message>
    <message>
        <source>Tier history</source>
        <translation>等级历史</translation>
    </message>
    <message numerus="yes">
        <source>%Ln order(s)</source>
        <translation>
            <numerusform>%Ln 笔订单</numerusform>
        </translation>
    </message>
    <message>
        <source>{n} points</source>
        <translation>{n} 积分</translation>
    </message>
    <message>
        <source>&lt;b&gt;{available}&lt;/b&gt; points available · {pending} pending (inside the return window)</source>
        <translation>&lt;b&gt;{available}&lt;/b&gt; 可用积分 · {pending} 待生效（退货期内）</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#e65100&apos;&gt;{points} expire within 30 days&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#e65100&apos;&gt;{points} 积分将在 30 天内过期&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Next expiry: {date}</source>
        <translation>下次过期：{date}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{tier}&lt;/b&gt; · counted so far: {basis}</source>
        <translation>&lt;b&gt;{tier}&lt;/b&gt; · 目前累计：{basis}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{tier}&lt;/b&gt; · counted so far: unknown</source>
        <translation>&lt;b&gt;{tier}&lt;/b&gt; · 目前累计：未知</translation>
    </message>
    <message>
        <source>1 order in a currency without an exchange rate is not counted, so the tier is worked out without it: set the rate in Edit › Exchange rates…</source>
        <translation>1 笔订单的币种没有汇率，未计入，等级按其余订单计算：请在 编辑 › 汇率… 中设置汇率</translation>
    </message>
    <message>
        <source>{n} orders in a currency without an exchange rate are not counted, so the tier is worked out without them: set the rate in Edit › Exchange rates…</source>
        <translation>{n} 笔订单的币种没有汇率，未计入，等级按其余订单计算：请在 编辑 › 汇率… 中设置汇率</translation>
    </message>
    <message>
        <source>{more} more to reach {tier}</source>
        <translation>再 {more} 即可升至 {tier}</translation>
    </message>
    <message>
        <source>{more} more by {date} to keep {tier}</source>
        <translation>需在 {date} 前再 {more} 才能保住 {tier}</translation>
    </message>
    <message>
        <source>{tier} is kept at the review on {date}</source>
        <translation>{tier} 将在 {date} 的复核中保级</translation>
    </message>
    <message>
        <source>Benefits: {text}</source>
        <translation>权益：{text}</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Adjust points</source>
        <translation>调整积分</translation>
    </message>
    <message>
        <source>Points to add (negative to take away):</source>
        <translation>增加的积分（负数为扣减）：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Redeem points</source>
        <translation>兑换积分</translation>
    </message>
    <message>
        <source>Points spent:</source>
        <translation>使用积分：</translation>
    </message>
    <message>
        <source>What for (optional):</source>
        <translation>用途（可选）：</translation>
    </message>
    <message>
        <source>Points not changed</source>
        <translation>积分未修改</translation>
    </message>
</context>
<context>
    <name>MemberSplitDialog</name>
    <message>
        <source>Split {name}</source>
        <translation>拆分 {name}</translation>
    </message>
    <message>
        <source>Tick the accounts that belong to another person. They become a member of their own, and later imports keep them apart. Edit › Undo takes it back.</source>
        <translation>勾选属于另一个人的账号。它们将成为单独的会员，之后的导入也会保持分开。可用“编辑 › 撤销”恢复。</translation>
    </message>
</context>
<context>
    <name>MembersBehindDialog</name>
    <message>
        <source>Members behind: {what}</source>
        <translation>{what} 对应的会员</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Buys on</source>
        <translation>购买平台</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>Spend (base currency)</source>
        <translation>消费额（本位币）</translation>
    </message>
    <message>
        <source>Last order</source>
        <translation>最近下单</translation>
    </message>
    <message>
        <source>Days since</source>
        <translation>距今天数</translation>
    </message>
    <message>
        <source>RFM segment</source>
        <translation>RFM 分群</translation>
    </message>
    <message>
        <source>Search member, name or platform</source>
        <translation>搜索会员、姓名或平台</translation>
    </message>
    <message>
        <source>{n} members</source>
        <translation>{n} 位会员</translation>
    </message>
    <message>
        <source>Spend ({currency})</source>
        <translation>消费额（{currency}）</translation>
    </message>
</context>
<context>
    <name>MembersTab</name>
    <message>
        <source>Member</source>
        <translation>会员号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Buys on</source>
        <translation>购买平台</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>Spend (base currency)</source>
        <translation>消费额（本位币）</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:{color}&apos;&gt;{tier}&lt;/b&gt;&lt;br&gt;{members} members · spend {spend}&lt;br&gt;{points} points available · {win_back} to win back</source>
        <translation>&lt;b style=&apos;color:{color}&apos;&gt;{tier}&lt;/b&gt;&lt;br&gt;{members} 位会员 · 消费 {spend}&lt;br&gt;{points} 可用积分 · {win_back} 位待挽回</translation>
    </message>
    <message>
        <source>{points} points available now and {pending} pending (inside the return window)</source>
        <translation>现有 {points} 可用积分，{pending} 待生效（退货期内）</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Last order</source>
        <translation>最近下单</translation>
    </message>
    <message>
        <source>Points available</source>
        <translation>可用积分</translation>
    </message>
    <message>
        <source>Points pending</source>
        <translation>待生效积分</translation>
    </message>
    <message>
        <source>Days since</source>
        <translation>距今天数</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Tier rank</source>
        <translation>等级序号</translation>
    </message>
    <message>
        <source>RFM segment</source>
        <translation>RFM 分群</translation>
    </message>
    <message>
        <source>Churn risk</source>
        <translation>流失风险</translation>
    </message>
    <message>
        <source>Next order due</source>
        <translation>预计下次下单</translation>
    </message>
    <message>
        <source>Expiring soon</source>
        <translation>即将过期积分</translation>
    </message>
    <message>
        <source>Search name, member id or platform</source>
        <translation>搜索姓名、会员号或平台</translation>
    </message>
    <message>
        <source>Win back: regulars slipping away</source>
        <translation>挽回：正在流失的老客</translation>
    </message>
    <message>
        <source>Buys on several platforms</source>
        <translation>跨平台购买</translation>
    </message>
    <message>
        <source>Every tier</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <source>Every platform</source>
        <translation>全部平台</translation>
    </message>
    <message>
        <source>Points expiring within {days} days</source>
        <translation>{days} 天内有积分过期</translation>
    </message>
    <message>
        <source>Members who will lose points soon unless they buy or redeem: a reason to write to them</source>
        <translation>这些会员的积分即将过期，除非他们下单或兑换：正好可以联系他们</translation>
    </message>
    <message>
        <source>Loyalty settings…</source>
        <translation>会员积分设置…</translation>
    </message>
    <message>
        <source>Erase member…</source>
        <translation>清除会员信息…</translation>
    </message>
    <message>
        <source>Select a member to see their accounts on each platform, tier and points.</source>
        <translation>选择一位会员，查看其在各平台的账号、等级和积分。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln member(s)</source>
        <translation>
            <numerusform>%Ln 位会员</numerusform>
        </translation>
    </message>
    <message>
        <source>Erase member</source>
        <translation>清除会员信息</translation>
    </message>
    <message>
        <source>Select the member to erase first.</source>
        <translation>请先选择要清除信息的会员。</translation>
    </message>
    <message>
        <source>Not erased</source>
        <translation>未清除</translation>
    </message>
    <message>
        <source>{amounts} (set the exchange rate to count it in {base})</source>
        <translation>{amounts}（设置汇率后折算为 {base}）</translation>
    </message>
    <message numerus="yes">
        <source>{spend} (%Ln without an exchange rate)</source>
        <translation>
            <numerusform>{spend}（另有 %Ln 位会员缺汇率，未计入）</numerusform>
        </translation>
    </message>
    <message>
        <source>Spend ({currency})</source>
        <translation>消费额（{currency}）</translation>
    </message>
    <message>
        <source>1 order</source>
        <translation>1 笔订单</translation>
    </message>
    <message>
        <source>{n} orders</source>
        <translation>{n} 笔订单</translation>
    </message>
    <message>
        <source>{orders}, {spent} spent</source>
        <translation>{orders}，消费 {spent}</translation>
    </message>
    <message>
        <source>{platform}&apos;s customer export says {claim}; the shop holds {imported} of them: import the latest orders export to see the rest.</source>
        <translation>{platform} 的客户导出显示 {claim}；店铺中只有其中 {imported} 笔：导入最新的订单导出即可查看其余订单。</translation>
    </message>
    <message>
        <source>{platform}&apos;s customer export says {claim}; it is not imported yet: import the orders export to see it here.</source>
        <translation>{platform} 的客户导出显示 {claim}；该订单尚未导入：导入订单导出即可在此查看。</translation>
    </message>
    <message>
        <source>{platform}&apos;s customer export says {claim}; none of them is imported yet: import the orders export to see them here.</source>
        <translation>{platform} 的客户导出显示 {claim}；这些订单均尚未导入：导入订单导出即可在此查看。</translation>
    </message>
    <message>
        <source>{date} (overdue: at risk of churning)</source>
        <translation>{date}（已逾期：有流失风险）</translation>
    </message>
    <message>
        <source>{date} ({days} days ago)</source>
        <translation>{date}（{days} 天前）</translation>
    </message>
    <message>
        <source>{available} available · {pending} pending</source>
        <translation>{available} 可用 · {pending} 待生效</translation>
    </message>
    <message>
        <source>Not imported yet</source>
        <translation>尚未导入</translation>
    </message>
    <message>
        <source>Spend</source>
        <translation>消费额</translation>
    </message>
    <message>
        <source>Member since</source>
        <translation>入会时间</translation>
    </message>
    <message>
        <source>Latest orders, every platform</source>
        <translation>最近订单（全部平台）</translation>
    </message>
    <message>
        <source>Points ledger (latest)</source>
        <translation>积分明细（最近）</translation>
    </message>
    <message>
        <source>expires {date}</source>
        <translation>{date} 过期</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>no platform account is linked to this member</source>
        <translation>该会员未关联任何平台账号</translation>
    </message>
    <message>
        <source>Membership</source>
        <translation>会员信息</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Accounts on platforms</source>
        <translation>平台账号</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Shopkeeper</source>
        <translation>Shopkeeper</translation>
    </message>
    <message>
        <source>File not imported</source>
        <translation>文件未导入</translation>
    </message>
    <message>
        <source>Shop already open</source>
        <translation>店铺已在使用中</translation>
    </message>
    <message>
        <source>Disk full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>Shop made by a newer Shopkeeper</source>
        <translation>店铺文件来自更新版本的 Shopkeeper</translation>
    </message>
    <message>
        <source>Shop file cannot be read</source>
        <translation>无法读取店铺文件</translation>
    </message>
    <message>
        <source>Shop file is read-only</source>
        <translation>店铺文件为只读</translation>
    </message>
    <message>
        <source>Not a Shopkeeper shop</source>
        <translation>不是 Shopkeeper 店铺文件</translation>
    </message>
    <message>
        <source>Shop is not empty</source>
        <translation>店铺不是空的</translation>
    </message>
    <message>
        <source>The shop &quot;{shop}&quot; is already open in another Shopkeeper window or program. Close it there, or open a different shop.</source>
        <translation>店铺“{shop}”已在另一个 Shopkeeper 窗口或其他程序中打开。请先在那里关闭它，或打开其他店铺。</translation>
    </message>
    <message>
        <source>The shop &quot;{shop}&quot; is already open in another Shopkeeper window or program (process {pid}). Close it there, or open a different shop.</source>
        <translation>店铺“{shop}”已在另一个 Shopkeeper 窗口或其他程序中打开（进程 {pid}）。请先在那里关闭它，或打开其他店铺。</translation>
    </message>
    <message>
        <source>The disk holding &quot;{shop}&quot; is full. Free some space and try again.</source>
        <translation>“{shop}”所在的磁盘已满。请释放一些空间后重试。</translation>
    </message>
    <message>
        <source>The shop &quot;{shop}&quot; was written by a newer version of Shopkeeper. Install the latest Shopkeeper to open it.</source>
        <translation>店铺“{shop}”由更新版本的 Shopkeeper 创建。请安装最新版 Shopkeeper 后再打开。</translation>
    </message>
    <message>
        <source>The shop &quot;{shop}&quot; was saved by a newer Shopkeeper (data version {version}; this Shopkeeper {app_version} knows up to {latest}). Install the latest Shopkeeper to open it; the file was not changed.</source>
        <translation>店铺“{shop}”由更新版本的 Shopkeeper 保存（数据版本 {version}；当前 Shopkeeper {app_version} 最高支持 {latest}）。请安装最新版 Shopkeeper 后再打开；文件未被改动。</translation>
    </message>
    <message>
        <source>Shopkeeper cannot write to &quot;{shop}&quot;. Check that the file and its folder are writable.</source>
        <translation>Shopkeeper 无法写入“{shop}”。请检查该文件及其所在文件夹是否可写。</translation>
    </message>
    <message>
        <source>The shop &quot;{shop}&quot; is damaged and cannot be read. {advice}</source>
        <translation>店铺“{shop}”已损坏，无法读取。{advice}</translation>
    </message>
    <message>
        <source>The shop &quot;{shop}&quot; is damaged and cannot be read. It was not changed. {advice}</source>
        <translation>店铺“{shop}”已损坏，无法读取。文件未被改动。{advice}</translation>
    </message>
    <message>
        <source>Restore it from a backup.</source>
        <translation>请从备份中恢复。</translation>
    </message>
    <message>
        <source>Its latest good backup is &quot;{backup}&quot; (taken {taken}): restore it with File › Restore… (the damaged &quot;{shop}&quot; is kept among the backups).</source>
        <translation>最近一个完好的备份是“{backup}”（备份于 {taken}）：请通过“文件 › 恢复…”恢复它（损坏的“{shop}”会保留在备份中）。</translation>
    </message>
    <message>
        <source>There is no backup of it in &quot;{folder}&quot;: restore a backup you keep elsewhere with File › Restore…, or import your exports into a new shop.</source>
        <translation>“{folder}”中没有它的备份：请通过“文件 › 恢复…”恢复您保存在其他位置的备份，或将导出文件导入到一个新店铺。</translation>
    </message>
    <message>
        <source>There is no backup file at &quot;{backup}&quot;.</source>
        <translation>“{backup}”处没有备份文件。</translation>
    </message>
    <message>
        <source>&quot;{backup}&quot; is not a backup of a Shopkeeper shop. Nothing was restored.</source>
        <translation>“{backup}”不是 Shopkeeper 店铺的备份。未恢复任何内容。</translation>
    </message>
    <message>
        <source>The backup &quot;{backup}&quot; is damaged and cannot be read whole. Nothing was restored; choose another backup.</source>
        <translation>备份“{backup}”已损坏，无法完整读取。未恢复任何内容；请选择其他备份。</translation>
    </message>
    <message>
        <source>The backup &quot;{backup}&quot; was saved by a newer Shopkeeper (data version {version}; this one knows up to {latest}). Nothing was restored; install the latest Shopkeeper to restore it.</source>
        <translation>备份“{backup}”由更新版本的 Shopkeeper 保存（数据版本 {version}；当前版本最高支持 {latest}）。未恢复任何内容；请安装最新版 Shopkeeper 后再恢复。</translation>
    </message>
    <message>
        <source>&quot;{backup}&quot; is the shop file itself, not a backup of it.</source>
        <translation>“{backup}”是店铺文件本身，不是它的备份。</translation>
    </message>
    <message>
        <source>The disk holding &quot;{folder}&quot; is full: there is no room for the backup, so it was not made. The shop was not changed; free some space and try again.</source>
        <translation>“{folder}”所在的磁盘已满：没有空间存放备份，因此未能备份。店铺未被改动；请释放一些空间后重试。</translation>
    </message>
    <message>
        <source>The disk holding &quot;{folder}&quot; is full: there is no room for the backup Shopkeeper makes before an import, so nothing was imported and the shop was not changed. Free some space and import again.</source>
        <translation>“{folder}”所在的磁盘已满：没有空间存放 Shopkeeper 在导入前自动创建的备份，因此未导入任何内容，店铺也未被改动。请释放一些空间后重新导入。</translation>
    </message>
    <message>
        <source>The backup could not be written in &quot;{folder}&quot; ({reason}). The shop was not changed.</source>
        <translation>无法在“{folder}”中写入备份（{reason}）。店铺未被改动。</translation>
    </message>
    <message>
        <source>&quot;{shop}&quot; is a database of another program, not a Shopkeeper shop. It was not changed; open a Shopkeeper shop, or create a new one.</source>
        <translation>“{shop}”是其他程序的数据库，不是 Shopkeeper 店铺。文件未被改动；请打开 Shopkeeper 店铺，或新建一个店铺。</translation>
    </message>
    <message>
        <source>&quot;{shop}&quot; is not a Shopkeeper shop file (it is some other kind of file). It was not changed; choose the shop file itself.</source>
        <translation>“{shop}”不是 Shopkeeper 店铺文件（而是其他类型的文件）。文件未被改动；请选择店铺文件本身。</translation>
    </message>
    <message>
        <source>&quot;{shop}&quot; is a folder, not a shop file.</source>
        <translation>“{shop}”是文件夹，不是店铺文件。</translation>
    </message>
    <message>
        <source>There is no shop file at &quot;{shop}&quot;. Check the path, or create a shop with File › New shop….</source>
        <translation>“{shop}”处没有店铺文件。请检查路径，或通过“文件 › 新建店铺…”创建店铺。</translation>
    </message>
    <message>
        <source>{cause} {state}</source>
        <translation>{cause}{state}</translation>
    </message>
    <message>
        <source>{name} was imported and kept; importing it again says already imported.</source>
        <translation>{name} 已导入并保留；再次导入会提示“已导入”。</translation>
    </message>
    <message>
        <source>{name} was imported and kept; importing it again says already imported. Files listed above as imported were kept.</source>
        <translation>{name} 已导入并保留；再次导入会提示“已导入”。上面列为已导入的文件均已保留。</translation>
    </message>
    <message>
        <source>{name} was not imported; the shop is as it was before.</source>
        <translation>{name} 未导入；店铺保持原样。</translation>
    </message>
    <message>
        <source>{name} was not imported. Files listed above as imported were kept.</source>
        <translation>{name} 未导入。上面列为已导入的文件均已保留。</translation>
    </message>
    <message>
        <source>Shopkeeper could not check whether {name} was kept: import it again to find out (it says already imported if it was).</source>
        <translation>Shopkeeper 无法确认 {name} 是否已保留：请再导入一次查看（如已保留，会提示“已导入”）。</translation>
    </message>
    <message>
        <source>Shopkeeper could not check whether {name} was kept: import it again to find out (it says already imported if it was). Files listed above as imported were kept.</source>
        <translation>Shopkeeper 无法确认 {name} 是否已保留：请再导入一次查看（如已保留，会提示“已导入”）。上面列为已导入的文件均已保留。</translation>
    </message>
    <message>
        <source>There is no import number {batch} in this shop.</source>
        <translation>此店铺中没有第 {batch} 次导入。</translation>
    </message>
    <message>
        <source>This shop already holds orders, so the demo shop was not added. Create a new, empty shop to explore the demo.</source>
        <translation>此店铺中已有订单，因此未添加演示店铺。请新建一个空店铺来体验演示数据。</translation>
    </message>
    <message>
        <source>Give the mapping a name.</source>
        <translation>请为映射起个名称。</translation>
    </message>
    <message>
        <source>A mapping named &quot;{name}&quot; already exists for files of another shape. Choose another name.</source>
        <translation>已存在名为“{name}”的映射，用于另一种格式的文件。请换一个名称。</translation>
    </message>
    <message>
        <source>Unknown kind of table {kind}; choose one of {kinds}.</source>
        <translation>未知的表格类型 {kind}；请从 {kinds} 中选择。</translation>
    </message>
    <message>
        <source>{name}: {label}, {read:,} rows read, {added:,} added, {updated:,} updated, {rejected:,} rejected</source>
        <translation>{name}：{label}，读取 {read:,} 行，新增 {added:,}，更新 {updated:,}，未导入 {rejected:,}</translation>
    </message>
    <message>
        <source>{name}: {label}, {read:,} rows read, {added:,} added, {updated:,} updated, {rejected:,} rejected (see Show rejected rows…)</source>
        <translation>{name}：{label}，读取 {read:,} 行，新增 {added:,}，更新 {updated:,}，未导入 {rejected:,}（见“查看未导入的行…”）</translation>
    </message>
    <message>
        <source>{name}: {label}, {read:,} rows read, {added:,} added, {updated:,} updated, {unchanged:,} unchanged, {rejected:,} rejected</source>
        <translation>{name}：{label}，读取 {read:,} 行，新增 {added:,}，更新 {updated:,}，无变化 {unchanged:,}，未导入 {rejected:,}</translation>
    </message>
    <message>
        <source>{name}: {label}, {read:,} rows read, {added:,} added, {updated:,} updated, {unchanged:,} unchanged, {rejected:,} rejected (see Show rejected rows…)</source>
        <translation>{name}：{label}，读取 {read:,} 行，新增 {added:,}，更新 {updated:,}，无变化 {unchanged:,}，未导入 {rejected:,}（见“查看未导入的行…”）</translation>
    </message>
    <message>
        <source>{name}: {label}, {read:,} row read, {added:,} added, {updated:,} updated, {rejected:,} rejected</source>
        <translation>{name}：{label}，读取 {read:,} 行，新增 {added:,}，更新 {updated:,}，未导入 {rejected:,}</translation>
    </message>
    <message>
        <source>{name}: {label}, {read:,} row read, {added:,} added, {updated:,} updated, {rejected:,} rejected (see Show rejected rows…)</source>
        <translation>{name}：{label}，读取 {read:,} 行，新增 {added:,}，更新 {updated:,}，未导入 {rejected:,}（见“查看未导入的行…”）</translation>
    </message>
    <message>
        <source>{name}: {label}, {read:,} row read, {added:,} added, {updated:,} updated, {unchanged:,} unchanged, {rejected:,} rejected</source>
        <translation>{name}：{label}，读取 {read:,} 行，新增 {added:,}，更新 {updated:,}，无变化 {unchanged:,}，未导入 {rejected:,}</translation>
    </message>
    <message>
        <source>{name}: already imported on {when}, nothing changed</source>
        <translation>{name}：已于 {when} 导入过，未做任何更改</translation>
    </message>
    <message>
        <source>{name}: refused — {reason}</source>
        <translation>{name}：未导入 — {reason}</translation>
    </message>
    <message>
        <source>{name}: Alipay ledger summary, checked: {detail} adds up to its totals</source>
        <translation>{name}：支付宝账务汇总，已核对：{detail} 与其合计相符</translation>
    </message>
    <message>
        <source>{name}: Alipay ledger summary, not checked: {rejected:,} rows of {detail} were rejected (see Show rejected rows…)</source>
        <translation>{name}：支付宝账务汇总，未核对：{detail} 有 {rejected:,} 行未导入（见“查看未导入的行…”）</translation>
    </message>
    <message>
        <source>the file {what}</source>
        <translation>文件{what}</translation>
    </message>
    <message>
        <source>{problems}</source>
        <translation>{problems}</translation>
    </message>
    <message>
        <source>{table} {what}</source>
        <translation>{table} {what}</translation>
    </message>
    <message>
        <source>the file no longer holds the table {table}</source>
        <translation>文件中已没有表格 {table}</translation>
    </message>
    <message>
        <source>Shopkeeper does not know the columns of this table yet; press Map columns… to import it</source>
        <translation>Shopkeeper 还不认识这个表格的列；点“映射列…”即可导入</translation>
    </message>
    <message>
        <source>there is no saved column mapping named &quot;{name}&quot;</source>
        <translation>没有名为“{name}”的已保存列映射</translation>
    </message>
    <message>
        <source>the saved mapping &quot;{name}&quot; is for {platform} {kind}, which cannot be imported yet</source>
        <translation>已保存的映射“{name}”用于 {platform} {kind}，目前还不能导入这类文件</translation>
    </message>
    <message>
        <source>the saved mapping &quot;{name}&quot; is damaged</source>
        <translation>已保存的映射“{name}”已损坏</translation>
    </message>
    <message>
        <source>the saved mapping &quot;{name}&quot; needs columns this file does not have ({fields})</source>
        <translation>已保存的映射“{name}”需要的列在这个文件里没有（{fields}）</translation>
    </message>
    <message>
        <source>the platform &apos;{platform}&apos; is not known to this shop</source>
        <translation>此店铺不认识平台“{platform}”</translation>
    </message>
    <message>
        <source>this shop file has several {platform} shops ({shops}) and the file does not say which it is from: import it with File › Import into a shop… and choose the shop</source>
        <translation>此店铺文件中有多个{platform}店铺（{shops}），而文件本身没有说明来自哪一个：请用“文件 › 导入到指定店铺…”导入，并选择店铺</translation>
    </message>
    <message>
        <source>the file has a header but no rows</source>
        <translation>文件只有表头，没有数据行</translation>
    </message>
    <message>
        <source>its {which} adds up to {rows}, but {summary}, downloaded with it, says {stated}: neither file was imported; download the zip again</source>
        <translation>其{which}合计为 {rows}，但一同下载的 {summary} 写的是 {stated}：两个文件都未导入；请重新下载压缩包</translation>
    </message>
    <message>
        <source>{detail} adds up to {rows} of {which}, but this summary says {stated}: neither file was imported; download the zip again</source>
        <translation>{detail} 的{which}合计为 {rows}，但此汇总写的是 {stated}：两个文件都未导入；请重新下载压缩包</translation>
    </message>
    <message>
        <source>it is the summary of {detail}, which was refused</source>
        <translation>这是 {detail} 的汇总，而该文件被拒绝</translation>
    </message>
    <message>
        <source>it is the summary (账务汇总) of an Alipay ledger and holds no movements: import the zip as downloaded, with its 账务明细</source>
        <translation>这是支付宝账务明细的汇总（账务汇总），不含任何收支：请按下载时的原样导入压缩包（含账务明细）</translation>
    </message>
    <message>
        <source>its dates are written both day first (25/11/2026) and month first (11/25/2026), so none can be trusted: download the report again</source>
        <translation>其日期既有日在前（25/11/2026）又有月在前（11/25/2026），无法确定任何一个：请重新下载报表</translation>
    </message>
    <message>
        <source>its dates (like {example}) read both day first and month first, and it names no currency or marketplace that says which: download it with its Currency column</source>
        <translation>其日期（如 {example}）既可读作日在前也可读作月在前，且文件没有可判断的币种或站点：请连同 Currency 列一起下载</translation>
    </message>
    <message>
        <source>its rows add up to {rows}, but its own {which} says {stated}: the file is incomplete or was changed; download it again</source>
        <translation>各行合计为 {rows}，但文件自身的{which}为 {stated}：文件不完整或已被改动；请重新下载</translation>
    </message>
    <message>
        <source>its only row could not be read (first problem: row {row}: {problem})</source>
        <translation>唯一的一行无法读取（第一个问题：第 {row} 行：{problem}）</translation>
    </message>
    <message>
        <source>its only row could not be read (first problem: row {row}, {column}: {problem})</source>
        <translation>唯一的一行无法读取（第一个问题：第 {row} 行，{column}：{problem}）</translation>
    </message>
    <message>
        <source>none of its {rows:,} rows could be read (first problem: row {row}: {problem})</source>
        <translation>全部 {rows:,} 行都无法读取（第一个问题：第 {row} 行：{problem}）</translation>
    </message>
    <message>
        <source>none of its {rows:,} rows could be read (first problem: row {row}, {column}: {problem})</source>
        <translation>全部 {rows:,} 行都无法读取（第一个问题：第 {row} 行，{column}：{problem}）</translation>
    </message>
    <message>
        <source>the file has text right after a closing quote, so its values cannot be told apart; fix that line or export the file again</source>
        <translation>文件中右引号后面紧跟着文字，无法区分各个值；请修正该行，或重新导出文件</translation>
    </message>
    <message>
        <source>the file has text right after a closing quote on line {line}, so its values cannot be told apart; fix that line or export the file again</source>
        <translation>文件第 {line} 行的右引号后面紧跟着文字，无法区分各个值；请修正该行，或重新导出文件</translation>
    </message>
    <message>
        <source>the ids in {column} were damaged by a spreadsheet program ({damaged:,} of {total:,} ids, the first on row {row}: {value}): Excel shows long numbers in scientific notation and saves them that way, or rounds them after 15 digits; export the file again from the platform and import that file as it comes, without opening and saving it in a spreadsheet (or, in Excel, format the id column as Text before saving)</source>
        <translation>{column} 中的编号已被电子表格程序损坏（{total:,} 个编号中有 {damaged:,} 个，第一个在第 {row} 行：{value}）：Excel 会把长数字显示成科学计数法并按此保存，或在 15 位之后四舍五入；请从平台重新导出文件并直接导入，不要先用电子表格程序打开再保存（或者在 Excel 中先把编号列设置为“文本”格式再保存）</translation>
    </message>
    <message>
        <source>could not be imported ({detail})</source>
        <translation>无法导入（{detail}）</translation>
    </message>
    <message>
        <source>could not be opened ({detail})</source>
        <translation>无法打开（{detail}）</translation>
    </message>
    <message>
        <source>could not be opened: this account is not allowed to read it</source>
        <translation>无法打开：当前系统账户没有读取权限</translation>
    </message>
    <message>
        <source>could not be read ({detail})</source>
        <translation>无法读取（{detail}）</translation>
    </message>
    <message>
        <source>could not be unpacked: the disk holding the work folder {folder} is full. Nothing was imported from it; free some space and import it again</source>
        <translation>无法解压：工作文件夹 {folder} 所在的磁盘已满。其中的内容均未导入；请释放一些空间后重新导入</translation>
    </message>
    <message>
        <source>is a folder, not a file</source>
        <translation>是文件夹，不是文件</translation>
    </message>
    <message>
        <source>is a pipe (FIFO), not a file; only saved files can be imported</source>
        <translation>是管道（FIFO），不是文件；只能导入已保存的文件</translation>
    </message>
    <message>
        <source>is a device, not a file; only saved files can be imported</source>
        <translation>是设备，不是文件；只能导入已保存的文件</translation>
    </message>
    <message>
        <source>is a socket, not a file; only saved files can be imported</source>
        <translation>是套接字，不是文件；只能导入已保存的文件</translation>
    </message>
    <message>
        <source>is a special file, not a file; only saved files can be imported</source>
        <translation>是特殊文件，不是普通文件；只能导入已保存的文件</translation>
    </message>
    <message>
        <source>is empty (0 bytes)</source>
        <translation>是空的（0 字节）</translation>
    </message>
    <message>
        <source>is empty (it holds only blank space)</source>
        <translation>是空的（只有空白字符）</translation>
    </message>
    <message>
        <source>contains binary data, not text</source>
        <translation>包含二进制数据，不是文本</translation>
    </message>
    <message>
        <source>is not valid {encoding} text</source>
        <translation>不是有效的 {encoding} 文本</translation>
    </message>
    <message>
        <source>is not valid UTF-8 text; it needs to be read again in another encoding</source>
        <translation>不是有效的 UTF-8 文本；需要用其他编码重新读取</translation>
    </message>
    <message>
        <source>is not valid UTF-8 text near line {line}; it needs to be read again in another encoding</source>
        <translation>在第 {line} 行附近不是有效的 UTF-8 文本；需要用其他编码重新读取</translation>
    </message>
    <message>
        <source>has a quoted value that never closes</source>
        <translation>有一个引号没有闭合</translation>
    </message>
    <message>
        <source>has a quoted value that never closes near line {line}</source>
        <translation>在第 {line} 行附近有一个引号没有闭合</translation>
    </message>
    <message>
        <source>has a quoted value that never closes: the quote on line {line} runs to the end of the file, so every later row would end up in one cell. Fix that line or export the file again</source>
        <translation>有一个引号没有闭合：第 {line} 行的引号一直延续到文件末尾，后面所有的行都会挤进同一个单元格。请修正该行，或重新导出文件</translation>
    </message>
    <message>
        <source>has a row longer than {size} MiB</source>
        <translation>有一行超过 {size} MiB</translation>
    </message>
    <message>
        <source>has a row longer than {size} MiB near line {line}</source>
        <translation>在第 {line} 行附近有一行超过 {size} MiB</translation>
    </message>
    <message>
        <source>could not be read: {detail}</source>
        <translation>无法读取：{detail}</translation>
    </message>
    <message>
        <source>could not be read near line {line}: {detail}</source>
        <translation>在第 {line} 行附近无法读取：{detail}</translation>
    </message>
    <message>
        <source>has no header row in its first {lines} lines: every line looks like data</source>
        <translation>前 {lines} 行中没有表头行：每一行看起来都是数据</translation>
    </message>
    <message>
        <source>is a PDF document, not a table</source>
        <translation>是 PDF 文档，不是表格</translation>
    </message>
    <message>
        <source>is a {format} image, not a table</source>
        <translation>是 {format} 图片，不是表格</translation>
    </message>
    <message>
        <source>is an image, sound or video file, not a table</source>
        <translation>是图片、音频或视频文件，不是表格</translation>
    </message>
    <message>
        <source>is a 7-Zip archive, which this app cannot open; unpack it first, not a table</source>
        <translation>是 7-Zip 压缩包，不是表格，本软件无法打开；请先解压</translation>
    </message>
    <message>
        <source>is a RAR archive, which this app cannot open; unpack it first, not a table</source>
        <translation>是 RAR 压缩包，不是表格，本软件无法打开；请先解压</translation>
    </message>
    <message>
        <source>is a program, not a table</source>
        <translation>是程序，不是表格</translation>
    </message>
    <message>
        <source>is an RTF document, not a table</source>
        <translation>是 RTF 文档，不是表格</translation>
    </message>
    <message>
        <source>is a database file, not a table</source>
        <translation>是数据库文件，不是表格</translation>
    </message>
    <message>
        <source>is a web page or XML file, not a table export; open it in Excel and save it as .xlsx or CSV</source>
        <translation>是网页或 XML 文件，不是导出的表格；请用 Excel 打开并另存为 .xlsx 或 CSV</translation>
    </message>
    <message>
        <source>looks like a zip archive but is damaged ({detail})</source>
        <translation>看起来是 zip 压缩包，但已损坏（{detail}）</translation>
    </message>
    <message>
        <source>is a Word, PowerPoint or other Office document, not a spreadsheet</source>
        <translation>是 Word、PowerPoint 或其他 Office 文档，不是电子表格</translation>
    </message>
    <message>
        <source>is an archive nested too deeply to open</source>
        <translation>是嵌套层数过多的压缩包，无法打开</translation>
    </message>
    <message>
        <source>is a compressed file nested too deeply to open</source>
        <translation>是嵌套层数过多的压缩文件，无法打开</translation>
    </message>
    <message>
        <source>is an archive with {count:,} files, more than the {limit:,} Shopkeeper imports from one archive; unpack it and import the tables in smaller groups</source>
        <translation>是包含 {count:,} 个文件的压缩包，超过了 Shopkeeper 单个压缩包最多导入 {limit:,} 个文件的限制；请解压后分批导入表格</translation>
    </message>
    <message>
        <source>contains a file named &apos;{member}&apos; that points outside the archive; it was not opened</source>
        <translation>包含一个名为“{member}”的文件，其路径指向压缩包之外；未打开该压缩包</translation>
    </message>
    <message>
        <source>is an archive whose &apos;{member}&apos; would unpack from {packed} to {unpacked}, far more than any export (a zip bomb); it was not opened</source>
        <translation>是一个压缩包，其中的“{member}”会从 {packed} 解压到 {unpacked}，远超任何导出文件的大小（疑似 zip 炸弹）；未打开该压缩包</translation>
    </message>
    <message>
        <source>is a compressed file that unpacks to more than {ratio} times its size, far more than any export (a zip bomb); it was not opened</source>
        <translation>是一个压缩文件，解压后会超过原大小的 {ratio} 倍，远超任何导出文件的大小（疑似 zip 炸弹）；未打开该文件</translation>
    </message>
    <message>
        <source>would unpack to more than {limit}; unpack it yourself and drop the tables one by one</source>
        <translation>解压后会超过 {limit}；请自行解压，再逐个拖入表格</translation>
    </message>
    <message>
        <source>is damaged and could not be unpacked ({detail})</source>
        <translation>已损坏，无法解压（{detail}）</translation>
    </message>
    <message>
        <source>is an archive with no tables inside: {skipped}</source>
        <translation>是压缩包，但里面没有表格：{skipped}</translation>
    </message>
    <message>
        <source>is an archive with no tables inside: it is empty</source>
        <translation>是压缩包，但里面没有表格：压缩包是空的</translation>
    </message>
    <message>
        <source>{member} ({why})</source>
        <translation>{member}（{why}）</translation>
    </message>
    <message>
        <source>password-protected</source>
        <translation>有密码保护</translation>
    </message>
    <message>
        <source>is a spreadsheet whose sheets are all empty</source>
        <translation>是电子表格，但所有工作表都是空的</translation>
    </message>
    <message>
        <source>could not be read as a spreadsheet ({detail})</source>
        <translation>无法作为电子表格读取（{detail}）</translation>
    </message>
    <message>
        <source>is a workbook that holds {size} of sheet data, more than Shopkeeper can load (at most {limit} a sheet); save the sheet as CSV and import that</source>
        <translation>是包含 {size} 工作表数据的工作簿，超出 Shopkeeper 的加载上限（每个工作表最多 {limit}）；请将该工作表另存为 CSV 后导入</translation>
    </message>
    <message>
        <source>is a workbook that has a sheet spanning {rows:,} rows × {columns:,} columns, more than Shopkeeper can load (at most {limit:,} cells a sheet); save the sheet as CSV and import that</source>
        <translation>是工作簿，其中有一个工作表达到 {rows:,} 行 × {columns:,} 列，超出 Shopkeeper 的加载上限（每个工作表最多 {limit:,} 个单元格）；请将该工作表另存为 CSV 后导入</translation>
    </message>
    <message>
        <source>{text}</source>
        <translation>{text}</translation>
    </message>
    <message>
        <source>not an amount</source>
        <translation>不是金额</translation>
    </message>
    <message>
        <source>not a number</source>
        <translation>不是数字</translation>
    </message>
    <message>
        <source>not a whole number</source>
        <translation>不是整数</translation>
    </message>
    <message>
        <source>not yes/no</source>
        <translation>不是“是/否”</translation>
    </message>
    <message>
        <source>not a date and time</source>
        <translation>不是日期时间</translation>
    </message>
    <message>
        <source>the id was damaged by a spreadsheet program; export the file again and import it as it comes</source>
        <translation>编号已被电子表格程序损坏；请重新导出文件，并直接导入导出的文件</translation>
    </message>
    <message>
        <source>the file ends in the middle of this row (it was cut short)</source>
        <translation>文件在这一行中途结束（文件被截断了）</translation>
    </message>
    <message>
        <source>another row of this order could not be read (row {row})</source>
        <translation>该订单的另一行无法读取（第 {row} 行）</translation>
    </message>
    <message>
        <source>another item of this order could not be read (row {row})</source>
        <translation>该订单的另一件商品无法读取（第 {row} 行）</translation>
    </message>
    <message>
        <source>missing order id</source>
        <translation>缺少订单号</translation>
    </message>
    <message>
        <source>missing the number of units returned</source>
        <translation>缺少退货件数</translation>
    </message>
    <message>
        <source>this order is not in the shop yet: import the orders report first</source>
        <translation>店铺中还没有这笔订单：请先导入订单报表</translation>
    </message>
    <message>
        <source>this order holds no line of this SKU</source>
        <translation>这笔订单中没有此 SKU 的商品</translation>
    </message>
    <message>
        <source>missing order number</source>
        <translation>缺少订单编号</translation>
    </message>
    <message>
        <source>missing order name</source>
        <translation>缺少订单名称</translation>
    </message>
    <message>
        <source>missing order time</source>
        <translation>缺少下单时间</translation>
    </message>
    <message>
        <source>missing order date</source>
        <translation>缺少下单日期</translation>
    </message>
    <message>
        <source>missing order total</source>
        <translation>缺少订单金额</translation>
    </message>
    <message>
        <source>missing purchase date</source>
        <translation>缺少购买日期</translation>
    </message>
    <message>
        <source>missing sale date</source>
        <translation>缺少售出日期</translation>
    </message>
    <message>
        <source>missing date</source>
        <translation>缺少日期</translation>
    </message>
    <message>
        <source>missing SKU</source>
        <translation>缺少 SKU</translation>
    </message>
    <message>
        <source>missing title</source>
        <translation>缺少标题</translation>
    </message>
    <message>
        <source>the listing on row {row} has the same title and no SKU either: the two cannot be told apart, so this one was left out (give each a SKU in Etsy and export again)</source>
        <translation>第 {row} 行的商品标题相同，也没有 SKU：两者无法区分，因此未导入此行（请在 Etsy 中为每个商品设置 SKU 后重新导出）</translation>
    </message>
    <message>
        <source>missing handle</source>
        <translation>缺少 handle（商品网址标识）</translation>
    </message>
    <message>
        <source>missing product name</source>
        <translation>缺少商品名称</translation>
    </message>
    <message>
        <source>missing product ID and SKU</source>
        <translation>缺少商品 ID 和 SKU</translation>
    </message>
    <message>
        <source>missing item name</source>
        <translation>缺少商品名称</translation>
    </message>
    <message>
        <source>missing item title</source>
        <translation>缺少商品标题</translation>
    </message>
    <message>
        <source>missing item quantity</source>
        <translation>缺少商品数量</translation>
    </message>
    <message>
        <source>missing item price</source>
        <translation>缺少商品价格</translation>
    </message>
    <message>
        <source>missing quantity</source>
        <translation>缺少数量</translation>
    </message>
    <message>
        <source>missing price</source>
        <translation>缺少价格</translation>
    </message>
    <message>
        <source>missing total price</source>
        <translation>缺少总价</translation>
    </message>
    <message>
        <source>missing amount</source>
        <translation>缺少金额</translation>
    </message>
    <message>
        <source>missing movement number</source>
        <translation>缺少流水号</translation>
    </message>
    <message>
        <source>missing settlement id</source>
        <translation>缺少结算编号</translation>
    </message>
    <message>
        <source>no sessions or page views</source>
        <translation>没有访客数或浏览量</translation>
    </message>
    <message>
        <source>missing order number and sales record number</source>
        <translation>缺少订单编号和销售记录编号</translation>
    </message>
    <message>
        <source>missing line item name</source>
        <translation>缺少订单商品名称</translation>
    </message>
    <message>
        <source>missing line item quantity</source>
        <translation>缺少订单商品数量</translation>
    </message>
    <message>
        <source>missing line item price</source>
        <translation>缺少订单商品价格</translation>
    </message>
    <message>
        <source>a new SKU needs a title</source>
        <translation>新 SKU 需要商品名称</translation>
    </message>
    <message>
        <source>the product has no title in this file or in the shop</source>
        <translation>该商品在此文件和店铺中都没有名称</translation>
    </message>
    <message>
        <source>a variation needs its parent product</source>
        <translation>变体缺少所属的父商品</translation>
    </message>
    <message>
        <source>no e-mail, customer id or phone to tell who the customer is</source>
        <translation>没有邮箱、客户 ID 或电话，无法识别客户</translation>
    </message>
    <message>
        <source>the mapping has neither an order total nor a title or SKU</source>
        <translation>映射中既没有订单金额，也没有商品名称或 SKU</translation>
    </message>
    <message>
        <source>the line items in this cell could not be unpacked</source>
        <translation>无法拆分此单元格中的商品明细</translation>
    </message>
    <message>
        <source>a line item has no name or SKU</source>
        <translation>有一件商品没有名称或 SKU</translation>
    </message>
    <message>
        <source>a line item has no whole-number quantity</source>
        <translation>有一件商品缺少数量或数量不是整数</translation>
    </message>
    <message>
        <source>a line item has no total amount</source>
        <translation>有一件商品缺少金额小计</translation>
    </message>
    <message>
        <source>Opening {name}</source>
        <translation>正在打开 {name}</translation>
    </message>
    <message>
        <source>Backing up the shop before the import</source>
        <translation>正在导入前备份店铺</translation>
    </message>
    <message>
        <source>Reading {name}</source>
        <translation>正在读取 {name}</translation>
    </message>
    <message>
        <source>Checking the values in {name}</source>
        <translation>正在检查 {name} 中的数值</translation>
    </message>
    <message>
        <source>Sorting orders and lines</source>
        <translation>正在整理订单和商品</translation>
    </message>
    <message>
        <source>Sorting money movements</source>
        <translation>正在整理资金流水</translation>
    </message>
    <message>
        <source>Sorting products and SKUs</source>
        <translation>正在整理商品和 SKU</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>正在保存</translation>
    </message>
    <message>
        <source>Saving orders</source>
        <translation>正在保存订单</translation>
    </message>
    <message>
        <source>Saving order lines</source>
        <translation>正在保存订单商品</translation>
    </message>
    <message>
        <source>Saving buyers and members</source>
        <translation>正在保存买家和会员</translation>
    </message>
    <message>
        <source>Saving products and stock</source>
        <translation>正在保存商品和库存</translation>
    </message>
    <message>
        <source>Saving money movements</source>
        <translation>正在保存资金流水</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <source>Designing the catalogue</source>
        <translation>正在设计商品目录</translation>
    </message>
    <message>
        <source>Inventing customers</source>
        <translation>正在生成客户</translation>
    </message>
    <message>
        <source>Taking two years of orders</source>
        <translation>正在生成两年的订单</translation>
    </message>
    <message>
        <source>Counting points and tiers</source>
        <translation>正在计算积分和等级</translation>
    </message>
    <message>
        <source>Importing settlements and payouts</source>
        <translation>正在导入结算与回款记录</translation>
    </message>
    <message>
        <source>Planning stock and restocks</source>
        <translation>正在规划库存和补货</translation>
    </message>
    <message>
        <source>Writing the demo shop</source>
        <translation>正在写入演示店铺</translation>
    </message>
    <message>
        <source>Writing listings and stock</source>
        <translation>正在写入商品和库存</translation>
    </message>
    <message>
        <source>Writing customers</source>
        <translation>正在写入客户</translation>
    </message>
    <message>
        <source>Writing orders</source>
        <translation>正在写入订单</translation>
    </message>
    <message>
        <source>Writing order lines</source>
        <translation>正在写入订单商品</translation>
    </message>
    <message>
        <source>Writing promotions</source>
        <translation>正在写入促销活动</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Change refused</source>
        <translation>无法修改</translation>
    </message>
    <message>
        <source>price</source>
        <translation>售价</translation>
    </message>
    <message>
        <source>cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>stock on hand</source>
        <translation>现有库存</translation>
    </message>
    <message>
        <source>reorder point</source>
        <translation>补货点</translation>
    </message>
    <message>
        <source>lead time (days)</source>
        <translation>到货周期（天）</translation>
    </message>
    <message>
        <source>Could not write {path}: {reason}. Choose another folder or file name.</source>
        <translation>无法写入 {path}：{reason}。请选择其他文件夹或文件名。</translation>
    </message>
    <message>
        <source>safety stock</source>
        <translation>安全库存</translation>
    </message>
    <message>
        <source>pack size</source>
        <translation>包装规格</translation>
    </message>
    <message>
        <source>minimum order</source>
        <translation>最小起订量</translation>
    </message>
    <message>
        <source>target cover (days)</source>
        <translation>目标可售天数</translation>
    </message>
    <message>
        <source>{name}</source>
        <translation>{name}</translation>
    </message>
    <message>
        <source>import of &quot;{file}&quot;</source>
        <translation>导入“{file}”</translation>
    </message>
    <message>
        <source>#{number} {change}</source>
        <translation>#{number} {change}</translation>
    </message>
    <message>
        <source>price of {sku} {old} → {new}</source>
        <translation>{sku} 的售价 {old} → {new}</translation>
    </message>
    <message>
        <source>cost of {sku} {old} → {new}</source>
        <translation>{sku} 的成本 {old} → {new}</translation>
    </message>
    <message>
        <source>stock of {sku} {old} → {new}</source>
        <translation>{sku} 的库存 {old} → {new}</translation>
    </message>
    <message>
        <source>reorder point of {sku} {old} → {new}</source>
        <translation>{sku} 的补货点 {old} → {new}</translation>
    </message>
    <message>
        <source>lead time of {sku} {old} → {new}</source>
        <translation>{sku} 的到货周期 {old} → {new}</translation>
    </message>
    <message>
        <source>safety stock of {sku} {old} → {new}</source>
        <translation>{sku} 的安全库存 {old} → {new}</translation>
    </message>
    <message>
        <source>pack size of {sku} {old} → {new}</source>
        <translation>{sku} 的包装规格 {old} → {new}</translation>
    </message>
    <message>
        <source>minimum order of {sku} {old} → {new}</source>
        <translation>{sku} 的最小起订量 {old} → {new}</translation>
    </message>
    <message>
        <source>target cover of {sku} {old} → {new}</source>
        <translation>{sku} 的目标可售天数 {old} → {new}</translation>
    </message>
    <message>
        <source>{field} of {count} SKUs</source>
        <translation>{count} 个 SKU 的{field}</translation>
    </message>
    <message>
        <source>{field} of {count} SKU</source>
        <translation>{count} 个 SKU 的{field}</translation>
    </message>
    <message>
        <source>absolute-term list: {added} added, {removed} removed</source>
        <translation>极限词表：新增 {added} 个，删除 {removed} 个</translation>
    </message>
    <message>
        <source>price tolerance {old} % → {new} %</source>
        <translation>价格容差 {old} % → {new} %</translation>
    </message>
    <message>
        <source>reorder settings ({count} changed)</source>
        <translation>补货设置（改了 {count} 项）</translation>
    </message>
    <message>
        <source>exchange rates ({count} changed)</source>
        <translation>汇率（{count} 项更改）</translation>
    </message>
    <message>
        <source>low-conversion thresholds ({count} changed)</source>
        <translation>低转化阈值（修改 {count} 项）</translation>
    </message>
    <message>
        <source>Title too long for {platform}: {length}, the limit is {limit}</source>
        <translation>标题超出 {platform} 的长度限制：{length}，上限为 {limit}</translation>
    </message>
    <message>
        <source>Absolute terms in the title: {words}</source>
        <translation>标题含极限词：{words}</translation>
    </message>
    <message>
        <source>Absolute terms in the description: {words}</source>
        <translation>描述含极限词：{words}</translation>
    </message>
    <message>
        <source>No description on {platform}</source>
        <translation>{platform} 上缺少描述</translation>
    </message>
    <message>
        <source>No images on {platform}</source>
        <translation>{platform} 上缺少图片</translation>
    </message>
    <message>
        <source>Same title as {words} in this shop</source>
        <translation>与本店铺中的 {words} 标题相同</translation>
    </message>
    <message>
        <source>Prices differ in {currency}: {low} ({low_shop}) to {high} ({high_shop})</source>
        <translation>{currency} 价格不一致：{low}（{low_shop}）至 {high}（{high_shop}）</translation>
    </message>
    <message>
        <source>SKU {words} on {platform} is not in the catalogue</source>
        <translation>{platform} 上的 SKU {words} 不在商品目录中</translation>
    </message>
    <message>
        <source>&quot;{word}&quot; is too long for the word list (at most {limit} characters); the list was not changed.</source>
        <translation>“{word}”太长，无法加入词表（最多 {limit} 个字符）；词表未更改。</translation>
    </message>
    <message>
        <source>&quot;{value}&quot; is not a price tolerance: give a percentage from 0 to {maximum}.</source>
        <translation>“{value}”不是有效的价格容差：请填写 0 到 {maximum} 之间的百分比。</translation>
    </message>
    <message>
        <source>{count} changes</source>
        <translation>{count} 项修改</translation>
    </message>
    <message>
        <source>Undone: {change}</source>
        <translation>已撤销：{change}</translation>
    </message>
    <message>
        <source>Redone: {change}</source>
        <translation>已重做：{change}</translation>
    </message>
    <message>
        <source>There is nothing to undo.</source>
        <translation>没有可撤销的操作。</translation>
    </message>
    <message>
        <source>There is nothing to redo.</source>
        <translation>没有可重做的操作。</translation>
    </message>
    <message>
        <source>{change} was already undone.</source>
        <translation>{change} 已经撤销过了。</translation>
    </message>
    <message>
        <source>Later changes changed rows that {change} wrote: {blockers}. Undo those first.</source>
        <translation>之后的修改改动了 {change} 写入的数据：{blockers}。请先撤销这些修改。</translation>
    </message>
    <message>
        <source>There is no change number {change_set} in this shop.</source>
        <translation>此店铺中没有编号为 {change_set} 的修改。</translation>
    </message>
    <message>
        <source>Cannot redo: the {field} of {sku} is no longer {old}.</source>
        <translation>无法重做：{sku} 的{field}已不再是 {old}。</translation>
    </message>
    <message>
        <source>Cannot redo the import of &quot;{file}&quot;: the shop did not record where the file was.</source>
        <translation>无法重做“{file}”的导入：店铺没有记录该文件的位置。</translation>
    </message>
    <message>
        <source>Cannot redo the import of &quot;{file}&quot;: the file is no longer at {path}.</source>
        <translation>无法重做“{file}”的导入：文件已不在 {path}。</translation>
    </message>
    <message>
        <source>Cannot redo the import of &quot;{file}&quot;: the file at {path} has changed since.</source>
        <translation>无法重做“{file}”的导入：{path} 处的文件之后已被修改。</translation>
    </message>
    <message>
        <source>Cannot redo the import of &quot;{file}&quot;: {reason}</source>
        <translation>无法重做“{file}”的导入：{reason}</translation>
    </message>
    <message>
        <source>Cannot redo the import of &quot;{file}&quot;: it is imported already.</source>
        <translation>无法重做“{file}”的导入：该文件已经导入。</translation>
    </message>
    <message>
        <source>The {field} of a {entity} cannot be edited.</source>
        <translation>{entity} 的{field}不可编辑。</translation>
    </message>
    <message>
        <source>{value} days is not a window: give 1 to {maximum} days.</source>
        <translation>{value} 天不是有效的统计天数：请填 1 到 {maximum} 天。</translation>
    </message>
    <message>
        <source>{value} is not a threshold: give at least 1 session and 0 to 100 %.</source>
        <translation>{value} 不是有效的阈值：访客数至少为 1，比例在 0 到 100 % 之间。</translation>
    </message>
    <message>
        <source>&quot;{value}&quot; is not a basis for demand: use recent or last_year.</source>
        <translation>“{value}”不是需求的计算依据：请用 recent（最近）或 last_year（去年同期）。</translation>
    </message>
    <message>
        <source>There is no product with SKU {sku} in this shop.</source>
        <translation>此店铺中没有 SKU 为 {sku} 的商品。</translation>
    </message>
    <message>
        <source>The {field} cannot be empty.</source>
        <translation>{field}不能为空。</translation>
    </message>
    <message>
        <source>&quot;{value}&quot; is not a number; the {field} was not changed.</source>
        <translation>“{value}”不是数字；{field}未修改。</translation>
    </message>
    <message>
        <source>The {field} cannot be negative ({value}).</source>
        <translation>{field}不能为负数（{value}）。</translation>
    </message>
    <message>
        <source>The {field} has more than two decimal places ({value}).</source>
        <translation>{field}的小数位超过两位（{value}）。</translation>
    </message>
    <message>
        <source>The {field} {value} is too large.</source>
        <translation>{field} {value} 过大。</translation>
    </message>
    <message>
        <source>The {field} must be a whole number ({value}).</source>
        <translation>{field}必须是整数（{value}）。</translation>
    </message>
    <message>
        <source>The {field} must be between {minimum} and {maximum} ({value}).</source>
        <translation>{field}必须在 {minimum} 到 {maximum} 之间（{value}）。</translation>
    </message>
    <message>
        <source>{sku} is a bundle: its stock is what its parts allow, so count its parts instead.</source>
        <translation>{sku} 是组合商品：其库存由组件库存决定，请改为盘点其组件。</translation>
    </message>
    <message>
        <source>share of stock listed (%)</source>
        <translation>上架库存比例（%）</translation>
    </message>
    <message>
        <source>most units listed</source>
        <translation>最多上架数量</translation>
    </message>
    <message>
        <source>stock buffer</source>
        <translation>库存保留量</translation>
    </message>
    <message>
        <source>share of stock listed on {shop} {old}% → {new}%</source>
        <translation>{shop} 的上架库存比例 {old}% → {new}%</translation>
    </message>
    <message>
        <source>most units listed on {shop} {old} → {new}</source>
        <translation>{shop} 的最多上架数量 {old} → {new}</translation>
    </message>
    <message>
        <source>stock buffer of {shop} {old} → {new}</source>
        <translation>{shop} 的库存保留量 {old} → {new}</translation>
    </message>
    <message>
        <source>stock rules of {count} platform shops</source>
        <translation>{count} 个平台店铺的库存规则</translation>
    </message>
    <message>
        <source>stock rules of {count} platform shop</source>
        <translation>{count} 个平台店铺的库存规则</translation>
    </message>
    <message>
        <source>delisted</source>
        <translation>已下架</translation>
    </message>
    <message>
        <source>first month of the season</source>
        <translation>销售季起始月</translation>
    </message>
    <message>
        <source>last month of the season</source>
        <translation>销售季结束月</translation>
    </message>
    <message>
        <source>marked new on</source>
        <translation>标记新品日期</translation>
    </message>
    <message>
        <source>fee rates of {count} platform fees</source>
        <translation>{count} 项平台费用的费率</translation>
    </message>
    <message>
        <source>purchase lot of {sku} received {day}</source>
        <translation>{sku} 于 {day} 到货的进货批次</translation>
    </message>
    <message>
        <source>There is no fee rate {rate} in this shop.</source>
        <translation>此店铺中没有费率 {rate}。</translation>
    </message>
    <message>
        <source>{value} is not a currency code (three letters, such as USD or CNY).</source>
        <translation>{value} 不是币种代码（应为三个字母，如 USD 或 CNY）。</translation>
    </message>
    <message>
        <source>{value} is not an exchange rate for {currency}: type how much one {currency} is worth in your base currency, such as 7.10.</source>
        <translation>{value} 不是 {currency} 的汇率：请填写 1 {currency} 折合多少本位币，例如 7.10。</translation>
    </message>
    <message>
        <source>The rate {value} for {currency} has more than {places} decimal places.</source>
        <translation>{currency} 的汇率 {value} 超过 {places} 位小数。</translation>
    </message>
    <message>
        <source>A fee of {value} % is more than the whole sale.</source>
        <translation>{value} % 的费率超过了整笔销售额。</translation>
    </message>
    <message>
        <source>fee percent</source>
        <translation>费率百分比</translation>
    </message>
    <message>
        <source>fixed fee per order</source>
        <translation>每单固定费用</translation>
    </message>
    <message>
        <source>currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>quantity received</source>
        <translation>到货数量</translation>
    </message>
    <message>
        <source>landed cost per unit</source>
        <translation>单件进货成本</translation>
    </message>
    <message>
        <source>delisted {sku} {old} → {new}</source>
        <translation>{sku} 下架 {old} → {new}</translation>
    </message>
    <message>
        <source>season start of {sku} {old} → {new}</source>
        <translation>{sku} 销售季起始月 {old} → {new}</translation>
    </message>
    <message>
        <source>season end of {sku} {old} → {new}</source>
        <translation>{sku} 销售季结束月 {old} → {new}</translation>
    </message>
    <message>
        <source>marked new {sku} {old} → {new}</source>
        <translation>{sku} 标记新品 {old} → {new}</translation>
    </message>
    <message>
        <source>delist {sku}</source>
        <translation>下架 {sku}</translation>
    </message>
    <message>
        <source>delist {count} SKUs</source>
        <translation>下架 {count} 个 SKU</translation>
    </message>
    <message>
        <source>relist {sku}</source>
        <translation>重新上架 {sku}</translation>
    </message>
    <message>
        <source>relist {count} SKUs</source>
        <translation>重新上架 {count} 个 SKU</translation>
    </message>
    <message>
        <source>season of {sku}: months {season}</source>
        <translation>{sku} 的销售季：{season} 月</translation>
    </message>
    <message>
        <source>season of {count} SKUs: months {season}</source>
        <translation>{count} 个 SKU 的销售季：{season} 月</translation>
    </message>
    <message>
        <source>no season for {sku}</source>
        <translation>取消 {sku} 的销售季</translation>
    </message>
    <message>
        <source>no season for {count} SKUs</source>
        <translation>取消 {count} 个 SKU 的销售季</translation>
    </message>
    <message>
        <source>mark {sku} new</source>
        <translation>将 {sku} 标为新品</translation>
    </message>
    <message>
        <source>mark {count} SKUs new</source>
        <translation>将 {count} 个 SKU 标为新品</translation>
    </message>
    <message>
        <source>&quot;{value}&quot; is neither yes nor no; the {field} was not changed.</source>
        <translation>“{value}”既不是“是”也不是“否”；{field}未修改。</translation>
    </message>
    <message>
        <source>&quot;{value}&quot; is not a date (YYYY-MM-DD); the {field} was not changed.</source>
        <translation>“{value}”不是日期（YYYY-MM-DD）；{field}未修改。</translation>
    </message>
    <message>
        <source>A season needs both its first and its last month (1–12); nothing was changed.</source>
        <translation>销售季需要起始月和结束月（1–12）；未做任何修改。</translation>
    </message>
    <message>
        <source>There is no platform shop {shop} in this shop file.</source>
        <translation>此店铺文件中没有平台店铺 {shop}。</translation>
    </message>
    <message>
        <source>Stock update not written</source>
        <translation>未写出库存更新文件</translation>
    </message>
    <message>
        <source>Shopkeeper cannot write a stock-update file for {platform}; it can for: {platforms}.</source>
        <translation>Shopkeeper 无法为 {platform} 写出库存更新文件；支持的平台：{platforms}。</translation>
    </message>
    <message>
        <source>This shop file has no {platform} shop yet. Import one of its exports first: a stock-update file lists the SKUs that shop sells.</source>
        <translation>此店铺文件中还没有 {platform} 店铺。请先导入该平台的导出文件：库存更新文件列出的是该店铺在售的 SKU。</translation>
    </message>
    <message>
        <source>This shop file has several {platform} shops: {shops}. Choose one (--shop NAME).</source>
        <translation>此店铺文件中有多个 {platform} 店铺：{shops}。请选择一个（--shop 名称）。</translation>
    </message>
    <message>
        <source>There is no {platform} shop &quot;{shop}&quot; in this shop file; its {platform} shops are: {shops}.</source>
        <translation>此店铺文件中没有 {platform} 店铺“{shop}”；现有的 {platform} 店铺：{shops}。</translation>
    </message>
    <message>
        <source>The shop {shop} has no SKU with a stock count ({uncounted} SKUs it sells were never counted: import a stock or product export, or type their stock on hand); nothing was written.</source>
        <translation>店铺 {shop} 没有任何已盘点库存的 SKU（其在售的 {uncounted} 个 SKU 从未盘点：请导入库存或商品导出文件，或手动填写现有库存）；未写出任何文件。</translation>
    </message>
    <message>
        <source>The shop {shop} has {unlisted} counted SKUs, all known only from its orders: no listing of the shop names them, so there is nothing to update (import its products export); nothing was written.</source>
        <translation>店铺 {shop} 有 {unlisted} 个已盘点的 SKU，均仅见于订单：该店铺没有商品对应它们，无可更新（请导入其商品导出文件）；未写入任何文件。</translation>
    </message>
    <message>
        <source>Could not write &quot;{path}&quot;: {reason}</source>
        <translation>无法写入“{path}”：{reason}</translation>
    </message>
    <message>
        <source>Wrote the {platform} stock update for {shop} to &quot;{path}&quot;: {count} SKUs, {units} units listed; {uncounted} SKUs with no stock count left out.</source>
        <translation>已将 {shop} 的 {platform} 库存更新写入“{path}”：{count} 个 SKU，上架 {units} 件；{uncounted} 个未盘点库存的 SKU 未列入。</translation>
    </message>
    <message>
        <source>Wrote the {platform} stock update for {shop} to &quot;{path}&quot;: {count} SKUs, {units} units listed; {uncounted} SKUs with no stock count left out, and {unlisted} known only from orders (no listing of the shop to update: import its products export).</source>
        <translation>已将 {shop} 的 {platform} 库存更新写入“{path}”：{count} 个 SKU，上架 {units} 件；{uncounted} 个未盘点库存的 SKU 未列入，另有 {unlisted} 个仅见于订单（该店铺没有可更新的商品：请导入其商品导出文件）。</translation>
    </message>
    <message>
        <source>Reward them: early access to new products and a thank-you gift; ask for a review.</source>
        <translation>奖励他们：新品抢先购和感谢礼物；邀请评价。</translation>
    </message>
    <message>
        <source>Show them how close the next tier is; recommend products that go with what they buy.</source>
        <translation>告诉他们离下一等级还差多少；推荐与所购商品搭配的商品。</translation>
    </message>
    <message>
        <source>Invite them into the membership programme; a reward for their next order.</source>
        <translation>邀请加入会员计划；下次下单有奖励。</translation>
    </message>
    <message>
        <source>Welcome them and help them use what they bought; a small coupon for a second order.</source>
        <translation>欢迎新客并帮助使用所购商品；送一张复购小额优惠券。</translation>
    </message>
    <message>
        <source>A second-order coupon while they still remember the shop.</source>
        <translation>趁他们还记得店铺，送一张复购优惠券。</translation>
    </message>
    <message>
        <source>A limited-time offer on what they bought before, before they drift away.</source>
        <translation>在他们流失前，针对买过的商品给出限时优惠。</translation>
    </message>
    <message>
        <source>Win them back: a personal message and a generous coupon.</source>
        <translation>挽回他们：一条专属消息加一张大额优惠券。</translation>
    </message>
    <message>
        <source>Contact them personally with a strong win-back offer and ask what went wrong.</source>
        <translation>亲自联系，给出有力的挽回优惠，并询问哪里做得不好。</translation>
    </message>
    <message>
        <source>Include them in seasonal sales only; a low-cost reminder.</source>
        <translation>只在季节性大促时触达；低成本提醒即可。</translation>
    </message>
    <message>
        <source>Leave them out of paid campaigns; one last win-back message at most.</source>
        <translation>不纳入付费营销；最多再发一次挽回消息。</translation>
    </message>
    <message>
        <source>No order yet: a first-order coupon.</source>
        <translation>尚未下单：送一张首单优惠券。</translation>
    </message>
    <message>
        <source>Wrote {count} members to &quot;{path}&quot;.</source>
        <translation>已将 {count} 位会员写入“{path}”。</translation>
    </message>
    <message>
        <source>Wrote {count} member to &quot;{path}&quot;.</source>
        <translation>已将 {count} 位会员写入“{path}”。</translation>
    </message>
    <message>
        <source>new campaign &quot;{name}&quot;</source>
        <translation>新建活动“{name}”</translation>
    </message>
    <message>
        <source>campaign &quot;{name}&quot; changed</source>
        <translation>修改活动“{name}”</translation>
    </message>
    <message>
        <source>campaign &quot;{name}&quot; deleted</source>
        <translation>删除活动“{name}”</translation>
    </message>
    <message>
        <source>calendar event &quot;{name}&quot;</source>
        <translation>日历事件“{name}”</translation>
    </message>
    <message>
        <source>calendar event &quot;{name}&quot; removed</source>
        <translation>移除日历事件“{name}”</translation>
    </message>
    <message>
        <source>There is no campaign number {campaign} in this shop.</source>
        <translation>本店没有编号为 {campaign} 的活动。</translation>
    </message>
    <message>
        <source>There is no calendar event number {event} in this shop.</source>
        <translation>本店没有编号为 {event} 的日历事件。</translation>
    </message>
    <message>
        <source>Give the campaign a name (at most 200 characters).</source>
        <translation>请为活动命名（最多 200 个字符）。</translation>
    </message>
    <message>
        <source>&quot;{kind}&quot; is not a kind of campaign Shopkeeper knows.</source>
        <translation>“{kind}”不是 Shopkeeper 认识的活动类型。</translation>
    </message>
    <message>
        <source>The campaign ends ({end}) before it starts ({start}).</source>
        <translation>活动结束日期（{end}）早于开始日期（{start}）。</translation>
    </message>
    <message>
        <source>A percentage off must be more than 0 and less than 100, with at most two decimals ({value}).</source>
        <translation>折扣百分比须大于 0、小于 100，最多两位小数（{value}）。</translation>
    </message>
    <message>
        <source>The {field} must be a positive amount with at most two decimals ({value}).</source>
        <translation>{field}须为正数金额，最多两位小数（{value}）。</translation>
    </message>
    <message>
        <source>This kind of campaign needs a {field}.</source>
        <translation>这种活动需要填写{field}。</translation>
    </message>
    <message>
        <source>Buy X get Y needs two whole numbers from 1 to 1000 (buy {buy}, get {get}).</source>
        <translation>买X送Y需要两个 1 到 1000 的整数（买 {buy}，送 {get}）。</translation>
    </message>
    <message>
        <source>Spend-and-save needs at least one tier; a coupon exactly one (spend threshold and amount off).</source>
        <translation>满减至少需要一档；优惠券只能有一档（满多少、减多少）。</translation>
    </message>
    <message>
        <source>A tier cannot take off as much as is spent (spend {threshold}, off {off}).</source>
        <translation>一档的减免不能等于或超过门槛（满 {threshold}，减 {off}）。</translation>
    </message>
    <message>
        <source>Cannot redo: &quot;{name}&quot; was changed since the undo.</source>
        <translation>无法重做：撤销后“{name}”又被修改过。</translation>
    </message>
    <message>
        <source>amount off</source>
        <translation>减免金额</translation>
    </message>
    <message>
        <source>set price</source>
        <translation>活动价</translation>
    </message>
    <message>
        <source>spend threshold</source>
        <translation>满减门槛</translation>
    </message>
    <message>
        <source>budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>expected units</source>
        <translation>预计销量</translation>
    </message>
    <message>
        <source>expected uplift</source>
        <translation>预计提升</translation>
    </message>
    <message>
        <source>{count} SKUs are also in {others} on overlapping days: the discounts stack down to {price} ({sku})</source>
        <translation>{count} 个 SKU 同时参加了日期重叠的“{others}”：叠加后最低到 {price}（{sku}）</translation>
    </message>
    <message>
        <source>{count} SKU is also in {others} on overlapping days: the discounts stack down to {price} ({sku})</source>
        <translation>{count} 个 SKU 同时参加了日期重叠的“{others}”：叠加后最低到 {price}（{sku}）</translation>
    </message>
    <message>
        <source>No products in scope yet</source>
        <translation>尚未选择参与商品</translation>
    </message>
    <message>
        <source>{count} SKUs in scope have no list price</source>
        <translation>{count} 个参与 SKU 没有标价</translation>
    </message>
    <message>
        <source>{count} SKU in scope has no list price</source>
        <translation>{count} 个参与 SKU 没有标价</translation>
    </message>
    <message>
        <source>{count} SKUs in scope are priced in another currency than the campaign&apos;s {currency}: its amounts do not apply to them</source>
        <translation>活动范围内有 {count} 个 SKU 的标价不是活动币种 {currency}：活动金额不适用于它们</translation>
    </message>
    <message>
        <source>{count} SKU in scope is priced in another currency than the campaign&apos;s {currency}: its amounts do not apply to it</source>
        <translation>活动范围内有 {count} 个 SKU 的标价不是活动币种 {currency}：活动金额不适用于它</translation>
    </message>
    <message>
        <source>Sign up for the platform&apos;s event (sign-up deadline)</source>
        <translation>报名平台活动（报名截止）</translation>
    </message>
    <message>
        <source>Order stock for the event</source>
        <translation>为活动备货</translation>
    </message>
    <message>
        <source>Visuals: banners and main images</source>
        <translation>视觉：海报和主图</translation>
    </message>
    <message>
        <source>Copy: titles and selling points</source>
        <translation>文案：标题和卖点</translation>
    </message>
    <message>
        <source>Listing changes: prices, coupons, tags</source>
        <translation>商品调整：价格、优惠券、标签</translation>
    </message>
    <message>
        <source>Customer-service scripts</source>
        <translation>客服话术</translation>
    </message>
    <message>
        <source>Logistics: courier capacity and packing</source>
        <translation>物流：快递运力与打包</translation>
    </message>
    <message>
        <source>Task {key}</source>
        <translation>任务{key}</translation>
    </message>
    <message>
        <source>There is no checklist task {task} in this shop.</source>
        <translation>本店铺没有任务清单任务{task}。</translation>
    </message>
    <message>
        <source>&quot;{platform}&quot; is not a platform Shopkeeper knows.</source>
        <translation>Shopkeeper 不支持平台“{platform}”。</translation>
    </message>
    <message>
        <source>minimum margin</source>
        <translation>最低毛利率</translation>
    </message>
    <message>
        <source>platform fee</source>
        <translation>平台扣点</translation>
    </message>
    <message>
        <source>ticked off &quot;{task}&quot; of &quot;{campaign}&quot;</source>
        <translation>勾选完成“{campaign}”的“{task}”</translation>
    </message>
    <message>
        <source>reopened &quot;{task}&quot; of &quot;{campaign}&quot;</source>
        <translation>重新打开“{campaign}”的“{task}”</translation>
    </message>
    <message>
        <source>checklist template task {key}</source>
        <translation>任务清单模板任务{key}</translation>
    </message>
    <message>
        <source>ticked off {count} checklist tasks</source>
        <translation>勾选完成{count}项任务</translation>
    </message>
    <message>
        <source>ticked off {count} checklist task</source>
        <translation>勾选完成{count}项任务</translation>
    </message>
    <message>
        <source>checklist template ({count} tasks)</source>
        <translation>任务清单模板（{count}项任务）</translation>
    </message>
    <message>
        <source>worst margin {margin} % · {stock}</source>
        <translation>最低毛利率{margin}% · {stock}</translation>
    </message>
    <message>
        <source>stock lasts</source>
        <translation>库存充足</translation>
    </message>
    <message>
        <source>{units} units short</source>
        <translation>缺{units}件</translation>
    </message>
    <message>
        <source>stock not checked: SKUs never counted</source>
        <translation>库存未核对：有 SKU 从未盘点</translation>
    </message>
    <message>
        <source>{campaign}: {task}</source>
        <translation>{campaign}：{task}</translation>
    </message>
    <message>
        <source>campaign check settings</source>
        <translation>活动检查设置</translation>
    </message>
    <message>
        <source>{count} SKUs sell below cost after fees (worst: {sku} at {price}, cost {cost})</source>
        <translation>{count}个 SKU 扣点后低于成本（最差：{sku}，售价{price}，成本{cost}）</translation>
    </message>
    <message>
        <source>{count} SKU sells below cost after fees ({sku} at {price}, cost {cost})</source>
        <translation>{count}个 SKU 扣点后低于成本（{sku}，售价{price}，成本{cost}）</translation>
    </message>
    <message>
        <source>{count} SKUs keep less than the {min} % minimum margin (worst: {sku}, {margin} %)</source>
        <translation>{count}个 SKU 低于{min}%的最低毛利率（最差：{sku}，{margin}%）</translation>
    </message>
    <message>
        <source>{count} SKU keeps less than the {min} % minimum margin ({sku}, {margin} %)</source>
        <translation>{count}个 SKU 低于{min}%的最低毛利率（{sku}，{margin}%）</translation>
    </message>
    <message>
        <source>{count} SKUs in scope have no cost: their margin cannot be checked</source>
        <translation>活动范围内有{count}个 SKU 未填成本，无法检查毛利率</translation>
    </message>
    <message>
        <source>{count} SKU in scope has no cost: its margin cannot be checked</source>
        <translation>活动范围内有{count}个 SKU 未填成本，无法检查毛利率</translation>
    </message>
    <message>
        <source>{count} SKUs in scope were never counted: their stock cannot be checked (e.g. {sku}); type their counts in Listings &amp; Inventory</source>
        <translation>活动范围内有 {count} 个 SKU 从未盘点，无法核对库存（如 {sku}）；请在“商品与库存”中填写数量</translation>
    </message>
    <message>
        <source>{count} SKU in scope was never counted: its stock cannot be checked ({sku}); type its count in Listings &amp; Inventory</source>
        <translation>活动范围内有 {count} 个 SKU 从未盘点，无法核对库存（{sku}）；请在“商品与库存”中填写数量</translation>
    </message>
    <message>
        <source>Platform fees not set for {platforms}: margins are before their fees</source>
        <translation>{platforms}未设置平台扣点：毛利率未扣除平台扣点</translation>
    </message>
    <message>
        <source>{count} SKUs are likely to run out: order {qty} of {sku} by {by} (expected to sell {expected}, {on_hand} on hand)</source>
        <translation>{count}个 SKU 可能缺货：{sku}需在{by}前补货{qty}件（预期销量{expected}，现有库存{on_hand}）</translation>
    </message>
    <message>
        <source>{count} SKU is likely to run out: order {qty} of {sku} by {by} (expected to sell {expected}, {on_hand} on hand)</source>
        <translation>{count}个 SKU 可能缺货：{sku}需在{by}前补货{qty}件（预期销量{expected}，现有库存{on_hand}）</translation>
    </message>
    <message>
        <source>{count} SKUs are likely to run out and the lead time has passed: {sku} needs {qty} more (should have been ordered by {by}; expected to sell {expected}, {on_hand} on hand)</source>
        <translation>{count}个 SKU 可能缺货且已超过到货周期：{sku}还需{qty}件（最晚下单日为{by}；预期销量{expected}，现有库存{on_hand}）</translation>
    </message>
    <message>
        <source>{count} SKU is likely to run out and the lead time has passed: {sku} needs {qty} more (should have been ordered by {by}; expected to sell {expected}, {on_hand} on hand)</source>
        <translation>{count}个 SKU 可能缺货且已超过到货周期：{sku}还需{qty}件（最晚下单日为{by}；预期销量{expected}，现有库存{on_hand}）</translation>
    </message>
    <message>
        <source>最低价 reminder: {count} SKUs are not below their lowest price of the last 30 days (e.g. {sku}: {price}, lowest {lowest}); the platform may refuse the event price or the discount claim</source>
        <translation>最低价提醒：{count}个 SKU 活动价未低于近30天最低价（如{sku}：{price}，最低价{lowest}）；平台可能不认可该活动价或优惠</translation>
    </message>
    <message>
        <source>最低价 reminder: {count} SKU is not below its lowest price of the last 30 days ({sku}: {price}, lowest {lowest}); the platform may refuse the event price or the discount claim</source>
        <translation>最低价提醒：{count}个 SKU 活动价未低于近30天最低价（{sku}：{price}，最低价{lowest}）；平台可能不认可该活动价或优惠</translation>
    </message>
    <message>
        <source>Spend and save (满减)</source>
        <translation>满减</translation>
    </message>
    <message>
        <source>Percent off</source>
        <translation>折扣</translation>
    </message>
    <message>
        <source>Fixed amount off</source>
        <translation>立减</translation>
    </message>
    <message>
        <source>Time-limited price (限时折扣)</source>
        <translation>限时折扣</translation>
    </message>
    <message>
        <source>Buy X get Y</source>
        <translation>买X送Y</translation>
    </message>
    <message>
        <source>Free shipping (包邮)</source>
        <translation>包邮</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <source>Bundle price</source>
        <translation>组合价</translation>
    </message>
    <message>
        <source>618 mid-year sale</source>
        <translation>618 年中大促</translation>
    </message>
    <message>
        <source>Double 11</source>
        <translation>双11</translation>
    </message>
    <message>
        <source>Double 12</source>
        <translation>双12</translation>
    </message>
    <message>
        <source>New Year goods fair (年货节)</source>
        <translation>年货节</translation>
    </message>
    <message>
        <source>Chinese New Year</source>
        <translation>春节</translation>
    </message>
    <message>
        <source>Couriers stop for the New Year</source>
        <translation>春节快递停运</translation>
    </message>
    <message>
        <source>Women&apos;s Day (38节)</source>
        <translation>38 女王节</translation>
    </message>
    <message>
        <source>520 (I love you day)</source>
        <translation>520</translation>
    </message>
    <message>
        <source>Qixi (Chinese Valentine&apos;s Day)</source>
        <translation>七夕</translation>
    </message>
    <message>
        <source>Mid-Autumn Festival</source>
        <translation>中秋节</translation>
    </message>
    <message>
        <source>Black Friday</source>
        <translation>黑色星期五</translation>
    </message>
    <message>
        <source>Cyber Monday</source>
        <translation>网络星期一</translation>
    </message>
    <message>
        <source>Christmas</source>
        <translation>圣诞节</translation>
    </message>
    <message>
        <source>Valentine&apos;s Day</source>
        <translation>情人节</translation>
    </message>
    <message>
        <source>Mother&apos;s Day</source>
        <translation>母亲节</translation>
    </message>
    <message>
        <source>Singles&apos; Day</source>
        <translation>光棍节（海外 11.11）</translation>
    </message>
    <message>
        <source>Prime Day</source>
        <translation>Prime Day 会员日</translation>
    </message>
    <message>
        <source>link {shop} {channel_sku} → {master}</source>
        <translation>关联 {shop} {channel_sku} → {master}</translation>
    </message>
    <message>
        <source>link {shop} {channel_sku} → {master} (suggested)</source>
        <translation>关联 {shop} {channel_sku} → {master}（按建议）</translation>
    </message>
    <message>
        <source>keep {shop} {channel_sku} unlinked</source>
        <translation>{shop} {channel_sku} 保持不关联</translation>
    </message>
    <message>
        <source>{count} channel links</source>
        <translation>{count} 个平台商品关联</translation>
    </message>
    <message>
        <source>SKU mapping &quot;{file}&quot; ({count} link(s))</source>
        <translation>SKU 对应关系“{file}”（{count} 个关联）</translation>
    </message>
    <message>
        <source>Cannot redo change #{change_set}: the link of {channel_sku} in {shop} was changed since.</source>
        <translation>无法重做第 {change_set} 号修改：{shop} 中 {channel_sku} 的关联此后已被修改。</translation>
    </message>
    <message>
        <source>There is no SKU {sku} in the catalogue to link to.</source>
        <translation>商品库中没有可关联的 SKU {sku}。</translation>
    </message>
    <message>
        <source>{sku} cannot be linked to {master}: one of them is linked to another SKU already. Link both to the same master SKU.</source>
        <translation>{sku} 无法关联到 {master}：其中一个已关联到其他 SKU。请将两者关联到同一个主 SKU。</translation>
    </message>
    <message>
        <source>There is no suggestion to confirm for {channel_sku} in {shop}.</source>
        <translation>{shop} 中的 {channel_sku} 没有可确认的建议。</translation>
    </message>
    <message>
        <source>&quot;{file}&quot; is empty; nothing was imported.</source>
        <translation>“{file}”是空的；没有导入任何内容。</translation>
    </message>
    <message>
        <source>&quot;{file}&quot; lacks the column(s) {columns} (the header must be: platform, shop, channel_sku, master_sku); nothing was imported.</source>
        <translation>“{file}”缺少列 {columns}（表头必须是：platform, shop, channel_sku, master_sku）；没有导入任何内容。</translation>
    </message>
    <message>
        <source>Could not read &quot;{file}&quot;: {reason}</source>
        <translation>无法读取“{file}”：{reason}</translation>
    </message>
    <message>
        <source>Could not write &quot;{file}&quot;: {reason}</source>
        <translation>无法写入“{file}”：{reason}</translation>
    </message>
    <message>
        <source>&quot;{file}&quot; was not imported: {count} line(s) have problems: {problems}</source>
        <translation>“{file}”未导入：{count} 行有问题：{problems}</translation>
    </message>
    <message>
        <source>{file} line {line}: no channel SKU</source>
        <translation>{file} 第 {line} 行：没有平台 SKU</translation>
    </message>
    <message>
        <source>{file} line {line}: there is no {platform} shop &quot;{shop}&quot;</source>
        <translation>{file} 第 {line} 行：没有名为“{shop}”的 {platform} 店铺</translation>
    </message>
    <message>
        <source>{file} line {line}: there is no SKU {sku} in the catalogue</source>
        <translation>{file} 第 {line} 行：商品库中没有 SKU {sku}</translation>
    </message>
    <message>
        <source>Wrote {count} channel items to &quot;{path}&quot;.</source>
        <translation>已将 {count} 个平台商品写入“{path}”。</translation>
    </message>
    <message>
        <source>Wrote {count} channel item to &quot;{path}&quot;.</source>
        <translation>已将 {count} 个平台商品写入“{path}”。</translation>
    </message>
    <message>
        <source>&quot;{file}&quot; changes no link; the shop is as it was.</source>
        <translation>“{file}”没有改变任何关联；店铺保持原样。</translation>
    </message>
    <message>
        <source>parts of a bundle</source>
        <translation>组合商品的组件</translation>
    </message>
    <message>
        <source>parts of {bundle}: {parts}</source>
        <translation>{bundle} 的组件：{parts}</translation>
    </message>
    <message>
        <source>{bundle} no longer a bundle</source>
        <translation>{bundle} 不再是组合商品</translation>
    </message>
    <message>
        <source>The part {part} of {bundle} is not a product of this shop.</source>
        <translation>{bundle} 的组件 {part} 不是本店的商品。</translation>
    </message>
    <message>
        <source>{bundle} cannot be a part of itself.</source>
        <translation>{bundle} 不能成为自己的组件。</translation>
    </message>
    <message>
        <source>{part} cannot be a part of {bundle}: {part} is made of {bundle} already.</source>
        <translation>{part} 不能成为 {bundle} 的组件：{part} 已经包含 {bundle}。</translation>
    </message>
    <message>
        <source>The quantity of {part} in {bundle} must be a whole number of at least 1 ({value}).</source>
        <translation>{bundle} 中 {part} 的数量必须是不小于 1 的整数（{value}）。</translation>
    </message>
    <message>
        <source>merge of {count} members into {name}</source>
        <translation>将 {count} 位会员合并到 {name}</translation>
    </message>
    <message>
        <source>split of {count} accounts off {name}</source>
        <translation>从 {name} 拆出 {count} 个账号</translation>
    </message>
    <message>
        <source>{a} and {b} are different people</source>
        <translation>{a} 和 {b} 是不同的人</translation>
    </message>
    <message>
        <source>Cannot redo change #{change_set}: member {member} is no longer in this shop.</source>
        <translation>无法重做第 {change_set} 号修改：会员 {member} 已不在本店铺中。</translation>
    </message>
    <message>
        <source>There is no member {member} in this shop.</source>
        <translation>本店铺中没有会员 {member}。</translation>
    </message>
    <message>
        <source>Choose at least two members to merge.</source>
        <translation>请至少选择两位会员进行合并。</translation>
    </message>
    <message>
        <source>{name} has points given or spent by hand, which a merge cannot carry over; nothing was merged.</source>
        <translation>{name} 有手动发放或使用的积分，合并无法转移这些积分；未做任何合并。</translation>
    </message>
    <message>
        <source>{account} is not an account of {name}.</source>
        <translation>{account} 不是 {name} 的账号。</translation>
    </message>
    <message>
        <source>Choose some of {name}&apos;s accounts to split off, not all of them.</source>
        <translation>请选择 {name} 的部分账号拆出，而不是全部。</translation>
    </message>
    <message>
        <source>loyalty settings: {count} changed</source>
        <translation>会员积分设置：改了 {count} 项</translation>
    </message>
    <message>
        <source>points of {member}: {points:+,}</source>
        <translation>{member} 的积分：{points:+,}</translation>
    </message>
    <message>
        <source>redemption of {member}: {points:,} points</source>
        <translation>{member} 兑换：{points:,} 积分</translation>
    </message>
    <message>
        <source>The loyalty setting {setting} cannot be &quot;{value}&quot;.</source>
        <translation>会员积分设置 {setting} 不能是“{value}”。</translation>
    </message>
    <message>
        <source>The bonus event &quot;{event}&quot; names the platform &quot;{platform}&quot;, which is no platform Shopkeeper knows: choose the platform from the list, or every platform.</source>
        <translation>积分奖励活动“{event}”的平台“{platform}”不是 Shopkeeper 认识的平台：请从列表中选择平台，或选择所有平台。</translation>
    </message>
    <message>
        <source>Tier {tier} needs a name in both languages.</source>
        <translation>等级 {tier} 需要中英文名称。</translation>
    </message>
    <message>
        <source>The points multiplier of {tier} must be above 0 and at most 100, not {value}.</source>
        <translation>{tier} 的积分倍数必须大于 0 且不超过 100，不能是 {value}。</translation>
    </message>
    <message>
        <source>The keep threshold of {tier} cannot be above its entry threshold.</source>
        <translation>{tier} 的保级门槛不能高于升级门槛。</translation>
    </message>
    <message>
        <source>{higher} must need more than {lower}.</source>
        <translation>{higher} 的门槛必须高于 {lower}。</translation>
    </message>
    <message>
        <source>Tiers can be changed, not added or removed.</source>
        <translation>等级可以修改，但不能新增或删除。</translation>
    </message>
    <message>
        <source>{points} is not a number of points that can be added or spent.</source>
        <translation>{points} 不是可以增加或使用的积分数。</translation>
    </message>
    <message>
        <source>An adjustment of points needs a reason.</source>
        <translation>调整积分需要填写原因。</translation>
    </message>
    <message>
        <source>Cannot spend {points} points: {available} are available now (pending points cannot be spent).</source>
        <translation>无法使用 {points} 积分：目前可用 {available}（待生效积分不能使用）。</translation>
    </message>
    <message>
        <source>tags of order {order}: {tags}</source>
        <translation>订单 {order} 的标签：{tags}</translation>
    </message>
    <message>
        <source>tags of {count} orders</source>
        <translation>{count} 笔订单的标签</translation>
    </message>
    <message>
        <source>tags of {count} order</source>
        <translation>{count} 笔订单的标签</translation>
    </message>
    <message>
        <source>after-sales tag list: {added} added, {removed} removed</source>
        <translation>售后标签列表：新增 {added} 个，删除 {removed} 个</translation>
    </message>
    <message>
        <source>tags of {sku}: +{added} −{removed}</source>
        <translation>{sku} 的标签：+{added} −{removed}</translation>
    </message>
    <message>
        <source>tags of {count} SKUs: +{added} −{removed}</source>
        <translation>{count} 个 SKU 的标签：+{added} −{removed}</translation>
    </message>
    <message>
        <source>tags of {count} SKU: +{added} −{removed}</source>
        <translation>{count} 个 SKU 的标签：+{added} −{removed}</translation>
    </message>
    <message>
        <source>tags of {sku}: +{added}</source>
        <translation>{sku} 的标签：+{added}</translation>
    </message>
    <message>
        <source>tags of {sku}: −{removed}</source>
        <translation>{sku} 的标签：−{removed}</translation>
    </message>
    <message>
        <source>tags of {count} SKUs: +{added}</source>
        <translation>{count} 个 SKU 的标签：+{added}</translation>
    </message>
    <message>
        <source>tags of {count} SKU: +{added}</source>
        <translation>{count} 个 SKU 的标签：+{added}</translation>
    </message>
    <message>
        <source>tags of {count} SKUs: −{removed}</source>
        <translation>{count} 个 SKU 的标签：−{removed}</translation>
    </message>
    <message>
        <source>tags of {count} SKU: −{removed}</source>
        <translation>{count} 个 SKU 的标签：−{removed}</translation>
    </message>
    <message>
        <source>Cannot redo: the tags of {sku} changed since.</source>
        <translation>无法重做：{sku} 的标签之后已被修改。</translation>
    </message>
    <message>
        <source>Type a tag to add or remove.</source>
        <translation>请输入要添加或移除的标签。</translation>
    </message>
    <message>
        <source>There is no SKU {sku} in this shop.</source>
        <translation>此店铺中没有 SKU {sku}。</translation>
    </message>
    <message>
        <source>There is no order {order} of {shop} in this shop.</source>
        <translation>本店铺中没有 {shop} 的订单 {order}。</translation>
    </message>
    <message>
        <source>&quot;{tag}&quot; is not in the after-sales tag list; add it to the list first.</source>
        <translation>“{tag}”不在售后标签列表中，请先将其添加到列表。</translation>
    </message>
    <message>
        <source>An after-sales tag needs a name.</source>
        <translation>售后标签必须有名称。</translation>
    </message>
    <message>
        <source>Cannot redo: the tags of order {order} changed since.</source>
        <translation>无法重做：订单 {order} 的标签此后已更改。</translation>
    </message>
    <message>
        <source>Shopkeeper writes spreadsheets as .csv or .xlsx; &quot;{path}&quot; is neither. Name the file .csv or .xlsx.</source>
        <translation>Shopkeeper 只能将表格保存为 .csv 或 .xlsx；“{path}”两者都不是。请将文件命名为 .csv 或 .xlsx。</translation>
    </message>
    <message>
        <source>Wrote {count} rows of {table} to &quot;{path}&quot;.</source>
        <translation>已将 {table} 的 {count} 行写入“{path}”。</translation>
    </message>
    <message>
        <source>Wrote {count} row of {table} to &quot;{path}&quot;.</source>
        <translation>已将 {table} 的 {count} 行写入“{path}”。</translation>
    </message>
    <message>
        <source>&quot;{value}&quot; is not a period: write a number of days (365d), months (12m) or years (2y).</source>
        <translation>“{value}”不是有效的时长：请填写天数（365d）、月数（12m）或年数（2y）。</translation>
    </message>
    <message>
        <source>&quot;{value}&quot; is outside what Shopkeeper accepts: between {min} and {max} days.</source>
        <translation>“{value}”超出 Shopkeeper 允许的范围：应在 {min} 到 {max} 天之间。</translation>
    </message>
    <message>
        <source>{people} people have had no order since {cutoff}: their names, e-mails, phones and buyer accounts would be erased. Nothing was changed; run again with --yes to erase them. An erasure cannot be undone.</source>
        <translation>自 {cutoff} 以来有 {people} 人没有下单：将清除他们的姓名、邮箱、电话和买家账号。目前未做任何更改；加上 --yes 重新运行即可清除。清除后无法撤销。</translation>
    </message>
    <message>
        <source>Erased the names, e-mails, phones and buyer accounts of {people} people with no order since {cutoff}. Their orders, totals and counts stay in the figures.</source>
        <translation>已清除自 {cutoff} 以来未下单的 {people} 人的姓名、邮箱、电话和买家账号。他们的订单、金额和数量仍计入统计数据。</translation>
    </message>
    <message>
        <source>No one to erase: everyone whose details the shop holds has ordered since {cutoff}.</source>
        <translation>没有需要清除的人：店铺中保存了信息的每个人自 {cutoff} 以来都下过单。</translation>
    </message>
    <message>
        <source>Member {member} ({buyers} buyer accounts): their name, e-mail, phone and buyer accounts would be erased everywhere in this shop. Nothing was changed; run again with --yes. An erasure cannot be undone.</source>
        <translation>会员 {member}（{buyers} 个买家账号）：将在本店铺各处清除其姓名、邮箱、电话和买家账号。目前未做任何更改；请加上 --yes 重新运行。清除后无法撤销。</translation>
    </message>
    <message>
        <source>Erased member {member}&apos;s personal data ({buyers} buyer accounts); their orders stay in the figures without it.</source>
        <translation>已清除会员 {member} 的个人信息（{buyers} 个买家账号）；其订单仍计入统计数据，但不再带有这些信息。</translation>
    </message>
    <message>
        <source>Personal data of people with no order in {days} days is erased each time the shop opens.</source>
        <translation>每次打开店铺时，自动清除 {days} 天内没有下单的人的个人信息。</translation>
    </message>
    <message>
        <source>Personal data is kept until you erase it: no automatic erasure is set.</source>
        <translation>个人信息会一直保留，直到您手动清除：未设置自动清除。</translation>
    </message>
    <message>
        <source>; </source>
        <comment>between the sentences of a list in a message</comment>
        <translation>；</translation>
    </message>
    <message>
        <source>; </source>
        <comment>between the names or values of a list in a message</comment>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>MoneyKind</name>
    <message>
        <source>Sale</source>
        <translation>销售</translation>
    </message>
    <message>
        <source>Commission</source>
        <translation>佣金</translation>
    </message>
    <message>
        <source>Payment fee</source>
        <translation>支付手续费</translation>
    </message>
    <message>
        <source>Postage label</source>
        <translation>运费面单</translation>
    </message>
    <message>
        <source>Advertising</source>
        <translation>广告</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Reserve held or released</source>
        <translation>保证金冻结或释放</translation>
    </message>
    <message>
        <source>Payout to the bank</source>
        <translation>提现到银行卡</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Sales tax collected by the platform</source>
        <translation>平台代收销售税</translation>
    </message>
</context>
<context>
    <name>OrderStatus</name>
    <message>
        <source>Awaiting payment</source>
        <translation>待付款</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已付款</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <source>Partly refunded</source>
        <translation>部分退款</translation>
    </message>
</context>
<context>
    <name>OrdersBehindDialog</name>
    <message>
        <source>Orders behind: {what}</source>
        <translation>相关订单：{what}</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总额</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>净额</translation>
    </message>
    <message>
        <source>{n} orders</source>
        <translation>{n} 单</translation>
    </message>
    <message>
        <source>Search order, shop, buyer or city</source>
        <translation>搜索订单、店铺、买家或城市</translation>
    </message>
</context>
<context>
    <name>PagedSqlModel</name>
    <message>
        <source>Double-click a cell to change it</source>
        <translation>双击单元格即可修改</translation>
    </message>
</context>
<context>
    <name>PayoutsDialog</name>
    <message>
        <source>Payouts</source>
        <translation>回款对账</translation>
    </message>
    <message>
        <source>Payout</source>
        <translation>回款</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>打款日期</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>到账金额</translation>
    </message>
    <message>
        <source>Sum of lines</source>
        <translation>明细合计</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差额</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>明细数</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Opening balance</source>
        <translation>期初余额</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Movement</source>
        <translation>流水</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Orders never settled</source>
        <translation>未结算订单</translation>
    </message>
    <message>
        <source>Money with no order</source>
        <translation>无对应订单的款项</translation>
    </message>
    <message>
        <source>Previous balance at</source>
        <translation>上一笔余额时间</translation>
    </message>
    <message>
        <source>Expected balance</source>
        <translation>应有余额</translation>
    </message>
    <message>
        <source>Stated balance</source>
        <translation>账面余额</translation>
    </message>
    <message>
        <source>Gap</source>
        <translation>差额</translation>
    </message>
    <message>
        <source>Month-end split</source>
        <translation>跨月拆分</translation>
    </message>
    <message>
        <source>Balance breaks</source>
        <translation>余额断点</translation>
    </message>
    <message>
        <source>{payouts} payouts, {off} not matching their lines; {unsettled} sold orders with no settlement after {days} days; {unmatched} movements naming an order this shop does not have.</source>
        <translation>{payouts} 笔回款，其中 {off} 笔与明细不符；{unsettled} 笔成交订单超过 {days} 天仍未结算；{unmatched} 条流水对应的订单不在本店铺中。</translation>
    </message>
    <message>
        <source>{breaks} breaks in ledger balances: a month or a row of a ledger is missing; see Balance breaks.</source>
        <translation>账单余额有 {breaks} 处断点：账单缺了某个月或某一行；见“余额断点”。</translation>
    </message>
</context>
<context>
    <name>Platform</name>
    <message>
        <source>Taobao</source>
        <translation>淘宝/天猫</translation>
    </message>
    <message>
        <source>JD</source>
        <translation>京东</translation>
    </message>
    <message>
        <source>Pinduoduo</source>
        <translation>拼多多</translation>
    </message>
    <message>
        <source>Douyin</source>
        <translation>抖音</translation>
    </message>
    <message>
        <source>Youzan</source>
        <translation>有赞</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>PointsReason</name>
    <message>
        <source>earned on an order</source>
        <translation>订单获得</translation>
    </message>
    <message>
        <source>taken back: refund</source>
        <translation>退款扣回</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>adjusted by hand</source>
        <translation>手动调整</translation>
    </message>
    <message>
        <source>redeemed</source>
        <translation>已兑换</translation>
    </message>
</context>
<context>
    <name>PrivacyDialog</name>
    <message>
        <source>Privacy: personal data in this shop</source>
        <translation>隐私：本店铺中的个人信息</translation>
    </message>
    <message>
        <source>Names, e-mails, phones and buyer accounts this shop holds, where, and the oldest last order of anyone whose details are still kept.</source>
        <translation>本店铺保存了哪些姓名、邮箱、电话和买家账号，保存在哪里，以及仍保留信息的人当中最早的“最近下单”日期。</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>包含信息</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Oldest last order</source>
        <translation>最早的最近下单</translation>
    </message>
    <message>
        <source>Keep until erased by hand</source>
        <translation>保留至手动清除</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Erase automatically at open, after no order for:</source>
        <translation>打开店铺时自动清除，未下单时长超过：</translation>
    </message>
    <message>
        <source>Erase…</source>
        <translation>清除…</translation>
    </message>
    <message>
        <source>Erase everyone with no order in the last:</source>
        <translation>清除在以下时长内没有下单的所有人：</translation>
    </message>
    <message>
        <source>member id, e.g. M00012</source>
        <translation>会员 ID，例如 M00012</translation>
    </message>
    <message>
        <source>Erase member…</source>
        <translation>清除会员信息…</translation>
    </message>
    <message>
        <source>Erase one member on request:</source>
        <translation>应本人要求清除单个会员：</translation>
    </message>
    <message>
        <source>An erasure cannot be undone: the details are removed from every table, the undo history included. Orders, totals and charts stay as they are. Each erasure is recorded in the audit trail.</source>
        <translation>清除后无法撤销：这些信息会从所有表中删除，包括撤销历史。订单、金额和图表保持不变。每次清除都会记录在操作记录中。</translation>
    </message>
    <message>
        <source>Erase personal data</source>
        <translation>清除个人信息</translation>
    </message>
    <message>
        <source>{people} people have had no order since {cutoff}. Erase their names, e-mails, phones and buyer accounts? This cannot be undone.</source>
        <translation>自 {cutoff} 以来有 {people} 人没有下单。要清除他们的姓名、邮箱、电话和买家账号吗？此操作无法撤销。</translation>
    </message>
</context>
<context>
    <name>PromotionsTab</name>
    <message>
        <source>Promotion</source>
        <translation>促销活动</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Shops</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>SKUs</source>
        <translation>SKU 数</translation>
    </message>
    <message>
        <source>Margin after discount</source>
        <translation>折后毛利率</translation>
    </message>
    <message>
        <source>Stock vs plan</source>
        <translation>库存与计划</translation>
    </message>
    <message>
        <source>Lowest price</source>
        <translation>最低价</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>New campaign…</source>
        <translation>新建活动…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Add calendar event…</source>
        <translation>添加日历事件…</translation>
    </message>
    <message>
        <source>Your own dates, or Prime Day once announced. Double-click one in the calendar&apos;s list to remove it.</source>
        <translation>自己的日期，或公布后的 Prime Day。在日历列表中双击即可移除。</translation>
    </message>
    <message>
        <source>&lt;b&gt;{planned}&lt;/b&gt; planned or running · {total} in all</source>
        <translation>&lt;b&gt;{planned}&lt;/b&gt; 个计划中或进行中 · 共 {total} 个</translation>
    </message>
    <message>
        <source>All shops</source>
        <translation>所有店铺</translation>
    </message>
    <message>
        <source>{spend} − {off}</source>
        <translation>满 {spend} 减 {off}</translation>
    </message>
    <message>
        <source>buy {buy} get {get}</source>
        <translation>买 {buy} 送 {get}</translation>
    </message>
    <message>
        <source>worst {margin} %</source>
        <translation>最低{margin}%</translation>
    </message>
    <message>
        <source>lasts</source>
        <translation>充足</translation>
    </message>
    <message>
        <source>{units} short</source>
        <translation>缺{units}</translation>
    </message>
    <message>
        <source>{units} in stock</source>
        <translation>库存 {units}</translation>
    </message>
    <message>
        <source>{units} of {target} planned</source>
        <translation>库存 {units} / 计划 {target}</translation>
    </message>
    <message>
        <source>{stock} · {count} not counted</source>
        <translation>{stock} · {count} 个未盘点</translation>
    </message>
    <message>
        <source>A SKU sells below cost or below the minimum margin after fees.</source>
        <translation>有 SKU 扣点后低于成本或低于最低毛利率。</translation>
    </message>
    <message>
        <source>Thin margin: this discount leaves less than 15 % on these SKUs.</source>
        <translation>毛利过低：此折扣使这些 SKU 的毛利率低于 15%。</translation>
    </message>
    <message>
        <source>Not enough stock on hand for the planned units.</source>
        <translation>现有库存不足以覆盖计划销量。</translation>
    </message>
    <message>
        <source>{open} open, {overdue} overdue</source>
        <translation>{open}项未完成，{overdue}项已逾期</translation>
    </message>
    <message>
        <source>{open} open</source>
        <translation>{open}项未完成</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>No campaign or festival</source>
        <translation>无活动或节日</translation>
    </message>
    <message>
        <source>{name} (warm-up)</source>
        <translation>{name}（预热）</translation>
    </message>
    <message>
        <source>Delete campaign</source>
        <translation>删除活动</translation>
    </message>
    <message>
        <source>Delete the campaign &quot;{name}&quot; with its checklist? Edit › Undo brings it back.</source>
        <translation>删除活动“{name}”及其任务清单？可用 编辑 › 撤销 恢复。</translation>
    </message>
    <message>
        <source>Remove calendar event</source>
        <translation>移除日历事件</translation>
    </message>
    <message>
        <source>Remove &quot;{name}&quot; from the calendar?</source>
        <translation>从日历中移除“{name}”？</translation>
    </message>
</context>
<context>
    <name>PurchaseList</name>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>规格</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Pack size</source>
        <translation>包装规格</translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation>单位成本</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Total: {money}</source>
        <translation>合计：{money}</translation>
    </message>
    <message>
        <source>(lines without a cost, not counted: {n})</source>
        <translation>（未填成本、未计入的行：{n}）</translation>
    </message>
    <message>
        <source>Purchase list</source>
        <translation>采购单</translation>
    </message>
    <message>
        <source>Date: {day}</source>
        <translation>日期：{day}</translation>
    </message>
    <message>
        <source>SKUs: {n}</source>
        <translation>SKU 数：{n}</translation>
    </message>
    <message>
        <source>Units: {n}</source>
        <translation>件数：{n}</translation>
    </message>
    <message>
        <source>Quantities reach each SKU’s target cover after its lead time, rounded up to the pack size and at least the minimum order.</source>
        <translation>数量按到货后覆盖各 SKU 的目标天数计算，按包装规格向上取整，且不少于起订量。</translation>
    </message>
    <message>
        <source>the PDF could not be written</source>
        <translation>无法写入 PDF</translation>
    </message>
</context>
<context>
    <name>RejectsDialog</name>
    <message>
        <source>Rows that were not imported</source>
        <translation>未导入的行</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Save as CSV…</source>
        <translation>另存为 CSV…</translation>
    </message>
    <message>
        <source>Save rejected rows</source>
        <translation>保存未导入的行</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
</context>
<context>
    <name>ReorderSettingsDialog</name>
    <message>
        <source>Reorder settings</source>
        <translation>补货设置</translation>
    </message>
    <message>
        <source>How Shopkeeper works out what to buy. Days a SKU had no stock do not count as days nobody wanted it. The settings are kept in this shop.</source>
        <translation>Shopkeeper 如何计算该采购什么。SKU 缺货的日子不算作没人要的日子。这些设置保存在本店铺文件中。</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>The most recent days</source>
        <translation>最近的日子</translation>
    </message>
    <message>
        <source>The same days last year (seasonal goods)</source>
        <translation>去年同期（季节性商品）</translation>
    </message>
    <message>
        <source>Last year: the days starting on this date a year ago, once the shop&apos;s orders reach back that far; until then the recent days count.</source>
        <translation>去年同期：从一年前的今天开始的这段日子，前提是店铺的订单已覆盖到那时；在此之前按最近的日子计算。</translation>
    </message>
    <message>
        <source>Average sales over</source>
        <translation>平均销量统计天数</translation>
    </message>
    <message>
        <source>Read demand from</source>
        <translation>需求取自</translation>
    </message>
    <message>
        <source>Dead stock: nothing sold in</source>
        <translation>滞销：多久没有卖出</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Backups of {shop}. Restoring one replaces the shop; the shop as it is now is kept as a backup first.</source>
        <translation>{shop} 的备份。恢复备份会替换当前店铺；替换前会先把店铺的当前状态保存为一个备份。</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>会员数</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <source>Another file…</source>
        <translation>其他文件…</translation>
    </message>
    <message>
        <source>Replace the shop with the backup taken {when} ({orders:,} orders, {members:,} members)?</source>
        <translation>要用 {when} 的备份（{orders:,} 笔订单，{members:,} 位会员）替换当前店铺吗？</translation>
    </message>
    <message>
        <source>Shopkeeper shops (*.duckdb);;All files (*)</source>
        <translation>Shopkeeper 店铺 (*.duckdb);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Replace the shop with {file}?</source>
        <translation>要用 {file} 替换当前店铺吗？</translation>
    </message>
    <message>
        <source>The shop as it is now is kept as a backup first, so this can be undone by restoring that one.</source>
        <translation>替换前会先把店铺的当前状态保存为备份，恢复该备份即可撤销此操作。</translation>
    </message>
</context>
<context>
    <name>SavedMappingsDialog</name>
    <message>
        <source>Saved column mappings</source>
        <translation>已保存的列映射</translation>
    </message>
    <message>
        <source>Files with these columns import by themselves. Delete a mapping to map such files again the next time you import one.</source>
        <translation>带有这些列的文件会自动导入。删除一个映射后，下次导入这类文件时可以重新映射。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Sold on</source>
        <translation>销售平台</translation>
    </message>
    <message>
        <source>Table holds</source>
        <translation>表格内容</translation>
    </message>
    <message>
        <source>Columns used</source>
        <translation>使用的列</translation>
    </message>
    <message>
        <source>Delete mapping</source>
        <translation>删除映射</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Products and stock</source>
        <translation>商品与库存</translation>
    </message>
    <message>
        <source>Advertising</source>
        <translation>广告</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>流量</translation>
    </message>
    <message>
        <source>Other / my own shop</source>
        <translation>其他 / 我自己的店</translation>
    </message>
</context>
<context>
    <name>SeasonDialog</name>
    <message>
        <source>Seasonal SKUs</source>
        <translation>季节性 SKU</translation>
    </message>
    <message numerus="yes">
        <source>%Ln selected SKU(s) sell only in these months. Out of season nothing is suggested for reorder.</source>
        <translation>
            <numerusform>选中的 %Ln 个 SKU 只在这些月份销售。非当季不建议补货。</numerusform>
        </translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To (inclusive)</source>
        <translation>到（含）</translation>
    </message>
</context>
<context>
    <name>Segment</name>
    <message>
        <source>Champions</source>
        <translation>重要价值客户</translation>
    </message>
    <message>
        <source>Loyal</source>
        <translation>忠诚客户</translation>
    </message>
    <message>
        <source>Potential loyalists</source>
        <translation>潜力忠诚客户</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>Promising</source>
        <translation>有潜力客户</translation>
    </message>
    <message>
        <source>Need attention</source>
        <translation>需要关注</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>有流失风险</translation>
    </message>
    <message>
        <source>Can&apos;t lose them</source>
        <translation>不能失去的客户</translation>
    </message>
    <message>
        <source>Hibernating</source>
        <translation>沉睡客户</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>已流失</translation>
    </message>
    <message>
        <source>No orders in the shop</source>
        <translation>店内无订单</translation>
    </message>
</context>
<context>
    <name>SegmentPanel</name>
    <message>
        <source>Segment</source>
        <translation>分群</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Revenue share</source>
        <translation>销售额占比</translation>
    </message>
    <message>
        <source>A month ago</source>
        <translation>一个月前</translation>
    </message>
    <message>
        <source>Moved in / out</source>
        <translation>转入 / 转出</translation>
    </message>
    <message>
        <source>Churn risk</source>
        <translation>流失风险</translation>
    </message>
    <message>
        <source>All segments</source>
        <translation>全部分群</translation>
    </message>
    <message>
        <source>Churn risk only</source>
        <translation>仅看流失风险</translation>
    </message>
    <message>
        <source>Members whose days since their last order exceed 1.5 times their own usual gap between orders (two or more orders)</source>
        <translation>距上次下单的天数超过其自身平均下单间隔 1.5 倍的会员（至少下过两单）</translation>
    </message>
    <message>
        <source>Export target list…</source>
        <translation>导出目标名单…</translation>
    </message>
    <message>
        <source>The members the table shows, with their platform accounts, masked contact and a suggested action, as a CSV file</source>
        <translation>将表格中显示的会员连同平台账号、脱敏联系方式和建议动作导出为 CSV 文件</translation>
    </message>
    <message>
        <source>RFM segment:</source>
        <translation>RFM 分群：</translation>
    </message>
    <message>
        <source>{days} days</source>
        <translation>{days} 天</translation>
    </message>
    <message>
        <source>scored against each other (quantiles)</source>
        <translation>相互比较打分（分位数）</translation>
    </message>
    <message>
        <source>scored on fixed thresholds (fewer than 100 buyers)</source>
        <translation>按固定阈值打分（买家不足 100 位）</translation>
    </message>
    <message>
        <source>{members} members with orders, {spend}; {rate} bought again, the second order after {second} (median); {risk} at risk of churning. Movement since {before}; {scoring}.</source>
        <translation>{members} 位有订单的会员，{spend}；{rate} 复购，第二单间隔 {second}（中位数）；{risk} 位有流失风险。变化自 {before} 起计；{scoring}。</translation>
    </message>
    <message>
        <source>spend not known yet</source>
        <translation>消费额暂不可知</translation>
    </message>
    <message>
        <source>{amount} spent</source>
        <translation>消费 {amount}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln of the members&apos; sold order(s) in currencies without an exchange rate are left out of spend, tiers and points (Edit › Exchange rates…).</source>
        <translation>
            <numerusform>会员的已售订单中有 %Ln 笔的币种没有汇率，未计入消费额、等级和积分（编辑 › 汇率…）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln sold order(s) name no buyer in their export: they count in sales but belong to no member.</source>
        <translation>
            <numerusform>%Ln 个已售订单在导出文件中没有买家信息：计入销售额，但不属于任何会员。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln member(s) have orders on their platform that are not imported yet, as its customer export says: import the orders export to see them.</source>
        <translation>
            <numerusform>据平台的客户导出，有 %Ln 位会员在平台上的订单尚未导入：导入订单导出即可查看。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SelectionMenu</name>
    <message numerus="yes">
        <source>%Ln selected SKU(s)</source>
        <translation>
            <numerusform>已选 %Ln 个 SKU</numerusform>
        </translation>
    </message>
    <message>
        <source>Delist</source>
        <translation>下架</translation>
    </message>
    <message>
        <source>Taken off sale: no reorder suggestion, 0 in stock-update files</source>
        <translation>停止销售：不建议补货，库存更新文件中写 0</translation>
    </message>
    <message>
        <source>Relist</source>
        <translation>重新上架</translation>
    </message>
    <message>
        <source>Back on sale</source>
        <translation>恢复销售</translation>
    </message>
    <message>
        <source>Seasonal…</source>
        <translation>季节性…</translation>
    </message>
    <message>
        <source>Sells only in some months: no reorder suggestion out of season</source>
        <translation>只在部分月份销售：非当季不建议补货</translation>
    </message>
    <message>
        <source>Not seasonal</source>
        <translation>非季节性</translation>
    </message>
    <message>
        <source>Sells all year</source>
        <translation>全年销售</translation>
    </message>
    <message>
        <source>Mark as new</source>
        <translation>标记为新品</translation>
    </message>
    <message>
        <source>Shown as new for 30 days from today</source>
        <translation>从今天起 30 天内显示为新品</translation>
    </message>
    <message>
        <source>Add tags…</source>
        <translation>添加标签…</translation>
    </message>
    <message>
        <source>Tags pick products for a campaign; several tags: separate with commas</source>
        <translation>标签可用于为活动挑选商品；多个标签请用逗号分隔</translation>
    </message>
    <message>
        <source>Remove tags…</source>
        <translation>移除标签…</translation>
    </message>
    <message>
        <source>Take these tags off every selected SKU</source>
        <translation>从所有选中的 SKU 上移除这些标签</translation>
    </message>
    <message>
        <source>Set for all selected</source>
        <translation>为所有选中项设置</translation>
    </message>
    <message>
        <source>{field}…</source>
        <translation>{field}…</translation>
    </message>
    <message>
        <source>Add tags</source>
        <translation>添加标签</translation>
    </message>
    <message numerus="yes">
        <source>Tags to add to %Ln selected SKU(s), separated by commas:</source>
        <translation>
            <numerusform>要添加到选中的 %Ln 个 SKU 的标签（用逗号分隔）：</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove tags</source>
        <translation>移除标签</translation>
    </message>
    <message numerus="yes">
        <source>Tags to remove from %Ln selected SKU(s), separated by commas:</source>
        <translation>
            <numerusform>要从选中的 %Ln 个 SKU 移除的标签（用逗号分隔）：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>New value for %Ln selected SKU(s):</source>
        <translation>
            <numerusform>为选中的 %Ln 个 SKU 设置新值：</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShopName</name>
    <message>
        <source>Import into a shop</source>
        <translation>导入到指定店铺</translation>
    </message>
    <message>
        <source>Which of your shops on the platform are these files from?
Choose one of the shops below, or type the name of a new one.</source>
        <translation>这些文件来自您在该平台上的哪个店铺？
请从下面选择一个店铺，或输入新店铺的名称。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>In stock</source>
        <translation>有货</translation>
    </message>
    <message>
        <source>Reorder now</source>
        <translation>需补货</translation>
    </message>
    <message>
        <source>Out of stock</source>
        <translation>缺货</translation>
    </message>
    <message>
        <source>Not counted</source>
        <translation>未盘点</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>活跃</translation>
    </message>
    <message>
        <source>Slipping away</source>
        <translation>正在流失</translation>
    </message>
    <message>
        <source>Lapsed</source>
        <translation>已流失</translation>
    </message>
    <message>
        <source>No orders yet</source>
        <translation>尚未下单</translation>
    </message>
    <message>
        <source>Orders not imported yet</source>
        <translation>订单尚未导入</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
</context>
<context>
    <name>StockHistoryView</name>
    <message>
        <source>&lt;b&gt;Stock over time&lt;/b&gt;</source>
        <translation>&lt;b&gt;库存变化&lt;/b&gt;</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变动</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Never counted: import a product or inventory export, or type a stock count in the On hand column, and its history starts there.</source>
        <translation>尚未盘点：导入商品或库存导出文件，或在“现有库存”列填入盘点数，库存历史从那时开始。</translation>
    </message>
    <message>
        <source>From the first count on: each count sets the level, orders shipped after it take units off, goods an export says came back put them back.</source>
        <translation>从第一次盘点开始：每次盘点设定库存，之后发货的订单扣减库存，导出文件注明退回的货品加回库存。</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>盘点</translation>
    </message>
    <message>
        <source>Your stock count</source>
        <translation>你的盘点数</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出文件</translation>
    </message>
    <message>
        <source>The stock level a product or inventory export gave</source>
        <translation>商品或库存导出文件给出的库存</translation>
    </message>
    <message>
        <source>Returned · {platform}</source>
        <translation>退回 · {platform}</translation>
    </message>
    <message>
        <source>Order {order}: the export says the goods came back</source>
        <translation>订单 {order}：导出文件注明货品已退回</translation>
    </message>
    <message>
        <source>Sold · {platform}</source>
        <translation>售出 · {platform}</translation>
    </message>
    <message>
        <source>Order {order}, shipped</source>
        <translation>订单 {order}，已发货</translation>
    </message>
</context>
<context>
    <name>StockUpdateDialog</name>
    <message>
        <source>Export stock update</source>
        <translation>导出库存更新文件</translation>
    </message>
    <message>
        <source>no maximum</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Save rule</source>
        <translation>保存规则</translation>
    </message>
    <message>
        <source>Platform shop</source>
        <translation>平台店铺</translation>
    </message>
    <message>
        <source>Share of available stock listed</source>
        <translation>上架可用库存的比例</translation>
    </message>
    <message>
        <source>Most units listed per SKU</source>
        <translation>每个 SKU 最多上架数量</translation>
    </message>
    <message>
        <source>List nothing at or below (units)</source>
        <translation>可用库存不超过此数量时不上架（件）</translation>
    </message>
    <message>
        <source>Shopify location</source>
        <translation>Shopify 库存地点</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>现有库存</translation>
    </message>
    <message>
        <source>Unshipped</source>
        <translation>未发货</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>Listed</source>
        <translation>上架</translation>
    </message>
    <message>
        <source>Write file…</source>
        <translation>写出文件…</translation>
    </message>
    <message>
        <source>No Shopify, Amazon or WooCommerce shop yet: import one of their exports first. Taobao and Tmall have no documented stock-upload file, so Shopkeeper writes none for them.</source>
        <translation>还没有 Shopify、Amazon 或 WooCommerce 店铺：请先导入其导出文件。淘宝和天猫没有公开文档的库存上传文件格式，因此 Shopkeeper 不为其生成文件。</translation>
    </message>
    <message>
        <source>{count} SKUs, {units} units listed. Available = on hand − units in unshipped (pending or paid) orders; the rule lists its share, rounded down.</source>
        <translation>{count} 个 SKU，上架 {units} 件。可用 = 现有库存 − 未发货（待付款或已付款）订单中的件数；按规则比例上架，向下取整。</translation>
    </message>
    <message>
        <source>not counted: left out</source>
        <translation>未盘点：不列入</translation>
    </message>
    <message>
        <source>Write stock update</source>
        <translation>写出库存更新文件</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>Export target list</source>
        <translation>导出目标名单</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>个人信息</translation>
    </message>
    <message>
        <source>Include names, e-mails and phone numbers unmasked? Choose No to keep them masked (a***@example.com, 138****0000). Revealing them is recorded in the log.</source>
        <translation>导出时包含未脱敏的姓名、邮箱和手机号吗？选“否”则保持脱敏（a***@example.com、138****0000）。显示明文会记录在日志中。</translation>
    </message>
    <message>
        <source>Erase member</source>
        <translation>清除会员信息</translation>
    </message>
    <message>
        <source>Erase member {member}&apos;s name, e-mail, phone and {buyers} buyer accounts everywhere in this shop? Their orders stay in the figures. This cannot be undone.</source>
        <translation>要在本店铺各处清除会员 {member} 的姓名、邮箱、电话和 {buyers} 个买家账号吗？其订单仍计入统计数据。此操作无法撤销。</translation>
    </message>
    <message>
        <source>Export table</source>
        <translation>导出表格</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV，UTF-8 编码 (*.csv)</translation>
    </message>
</context>
</TS>
