<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>AfterSalesTab</name>
    <message numerus="yes">
        <source>Last %n day(s)</source>
        <translation>
            <numerusform>Last %n day</numerusform>
            <numerusform>Last %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChannelLinksView</name>
    <message numerus="yes">
        <source>%n channel item(s)</source>
        <translation>
            <numerusform>%n channel item</numerusform>
            <numerusform>%n channel items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExchangeRatesDialog</name>
    <message numerus="yes">
        <source>%n order(s) in {currencies} have no rate yet and are left out of converted figures.</source>
        <translation>
            <numerusform>%n order in {currencies} has no rate yet and is left out of converted figures.</numerusform>
            <numerusform>%n orders in {currencies} have no rate yet and are left out of converted figures.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportProgressDialog</name>
    <message numerus="yes">
        <source>Reading %n file(s)…</source>
        <translation>
            <numerusform>Reading %n file…</numerusform>
            <numerusform>Reading %n files…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ListingChecksDialog</name>
    <message numerus="yes">
        <source>The shipped list, %n word(s)</source>
        <translation>
            <numerusform>The shipped list, %n word</numerusform>
            <numerusform>The shipped list, %n words</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This shop&apos;s own list, %n word(s)</source>
        <translation>
            <numerusform>This shop&apos;s own list, %n word</numerusform>
            <numerusform>This shop&apos;s own list, %n words</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ListingsTab</name>
    <message numerus="yes">
        <source>Channel links (%n waiting)</source>
        <translation>
            <numerusform>Channel links (%n waiting)</numerusform>
            <numerusform>Channel links (%n waiting)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n SKU(s)</source>
        <translation>
            <numerusform>%n SKU</numerusform>
            <numerusform>%n SKUs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n SKU(s) to buy, costing {money}</source>
        <translation>
            <numerusform>%n SKU to buy, costing {money}</numerusform>
            <numerusform>%n SKUs to buy, costing {money}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n without a cost not counted)</source>
        <translation>
            <numerusform>(%n without a cost not counted)</numerusform>
            <numerusform>(%n without a cost not counted)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n SKU(s) saved to {path}</source>
        <translation>
            <numerusform>%n SKU saved to {path}</numerusform>
            <numerusform>%n SKUs saved to {path}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n SKU(s) in stock without a cost not counted)</source>
        <translation>
            <numerusform>(%n SKU in stock without a cost not counted)</numerusform>
            <numerusform>(%n SKUs in stock without a cost not counted)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n campaign task(s) overdue</source>
        <translation>
            <numerusform>%n campaign task overdue</numerusform>
            <numerusform>%n campaign tasks overdue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MembersTab</name>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SeasonDialog</name>
    <message numerus="yes">
        <source>%n selected SKU(s) sell only in these months. Out of season nothing is suggested for reorder.</source>
        <translation>
            <numerusform>%n selected SKU sells only in these months. Out of season nothing is suggested for reorder.</numerusform>
            <numerusform>%n selected SKUs sell only in these months. Out of season nothing is suggested for reorder.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SegmentPanel</name>
    <message numerus="yes">
        <source>%Ln order(s) in currencies without an exchange rate are left out of spend, tiers and points (Edit › Exchange rates…).</source>
        <translation>
            <numerusform>%Ln order in a currency without an exchange rate is left out of spend, tiers and points (Edit › Exchange rates…).</numerusform>
            <numerusform>%Ln orders in currencies without an exchange rate are left out of spend, tiers and points (Edit › Exchange rates…).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln sold order(s) name no buyer in their export: they count in sales but belong to no member.</source>
        <translation>
            <numerusform>%Ln sold order names no buyer in its export: it counts in sales but belongs to no member.</numerusform>
            <numerusform>%Ln sold orders name no buyer in their export: they count in sales but belong to no member.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SelectionMenu</name>
    <message numerus="yes">
        <source>%n selected SKU(s)</source>
        <translation>
            <numerusform>%n selected SKU</numerusform>
            <numerusform>%n selected SKUs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tags to add to %n selected SKU(s), separated by commas:</source>
        <translation>
            <numerusform>Tags to add to %n selected SKU, separated by commas:</numerusform>
            <numerusform>Tags to add to %n selected SKUs, separated by commas:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tags to remove from %n selected SKU(s), separated by commas:</source>
        <translation>
            <numerusform>Tags to remove from %n selected SKU, separated by commas:</numerusform>
            <numerusform>Tags to remove from %n selected SKUs, separated by commas:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>New value for %n selected SKU(s):</source>
        <translation>
            <numerusform>New value for %n selected SKU:</numerusform>
            <numerusform>New value for %n selected SKUs:</numerusform>
        </translation>
    </message>
</context>
</TS>
