<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>AfterSalesTab</name>
    <message numerus="yes">
        <source>Last %Ln day(s)</source>
        <translation>
            <numerusform>Last %Ln day</numerusform>
            <numerusform>Last %Ln days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln refunded order(s) of several SKUs do not say which SKU the money was for: left out of the rates by SKU</source>
        <translation>
            <numerusform>%Ln refunded order of several SKUs does not say which SKU the money was for: left out of the rates by SKU</numerusform>
            <numerusform>%Ln refunded orders of several SKUs do not say which SKU the money was for: left out of the rates by SKU</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CampaignPanel</name>
    <message numerus="yes">
        <source>%Ln new buyer(s)</source>
        <translation>
            <numerusform>%Ln new buyer</numerusform>
            <numerusform>%Ln new buyers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChannelLinksView</name>
    <message numerus="yes">
        <source>%Ln channel item(s)</source>
        <translation>
            <numerusform>%Ln channel item</numerusform>
            <numerusform>%Ln channel items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChartsTab</name>
    <message numerus="yes">
        <source>%Ln sold order(s) in {currencies} have no exchange rate to {base}: their unit prices in {base} are unknown, so their units are in no band.</source>
        <translation>
            <numerusform>%Ln sold order in {currencies} has no exchange rate to {base}: its unit prices in {base} are unknown, so its units are in no band.</numerusform>
            <numerusform>%Ln sold orders in {currencies} have no exchange rate to {base}: their unit prices in {base} are unknown, so their units are in no band.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln sold order(s) in {currencies} have no exchange rate to {base}: their money is unknown, shown as — (no bar, a gap in a line), never as 0.</source>
        <translation>
            <numerusform>%Ln sold order in {currencies} has no exchange rate to {base}: its money is unknown, shown as — (no bar, a gap in a line), never as 0.</numerusform>
            <numerusform>%Ln sold orders in {currencies} have no exchange rate to {base}: their money is unknown, shown as — (no bar, a gap in a line), never as 0.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln sold order(s) have only a date in their export ({platforms}): they are not in the hours.</source>
        <translation>
            <numerusform>%Ln sold order has only a date in its export ({platforms}): it is not in the hours.</numerusform>
            <numerusform>%Ln sold orders have only a date in their export ({platforms}): they are not in the hours.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExchangeRatesDialog</name>
    <message numerus="yes">
        <source>%Ln order(s) in {currencies} have no rate yet and are left out of converted figures.</source>
        <translation>
            <numerusform>%Ln order in {currencies} has no rate yet and is left out of converted figures.</numerusform>
            <numerusform>%Ln orders in {currencies} have no rate yet and are left out of converted figures.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportProgressDialog</name>
    <message numerus="yes">
        <source>Reading %Ln file(s)…</source>
        <translation>
            <numerusform>Reading %Ln file…</numerusform>
            <numerusform>Reading %Ln files…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ListingChecksDialog</name>
    <message numerus="yes">
        <source>The shipped list, %Ln word(s)</source>
        <translation>
            <numerusform>The shipped list, %Ln word</numerusform>
            <numerusform>The shipped list, %Ln words</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This shop&apos;s own list, %Ln word(s)</source>
        <translation>
            <numerusform>This shop&apos;s own list, %Ln word</numerusform>
            <numerusform>This shop&apos;s own list, %Ln words</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ListingsTab</name>
    <message numerus="yes">
        <source>Channel links (%Ln waiting)</source>
        <translation>
            <numerusform>Channel links (%Ln waiting)</numerusform>
            <numerusform>Channel links (%Ln waiting)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln SKU(s)</source>
        <translation>
            <numerusform>%Ln SKU</numerusform>
            <numerusform>%Ln SKUs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln SKU(s) to buy, costing {money}</source>
        <translation>
            <numerusform>%Ln SKU to buy, costing {money}</numerusform>
            <numerusform>%Ln SKUs to buy, costing {money}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%Ln without a cost not counted)</source>
        <translation>
            <numerusform>(%Ln without a cost not counted)</numerusform>
            <numerusform>(%Ln without a cost not counted)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln SKU(s) saved to {path}</source>
        <translation>
            <numerusform>%Ln SKU saved to {path}</numerusform>
            <numerusform>%Ln SKUs saved to {path}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%Ln SKU(s) in stock without a cost not counted)</source>
        <translation>
            <numerusform>(%Ln SKU in stock without a cost not counted)</numerusform>
            <numerusform>(%Ln SKUs in stock without a cost not counted)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{avg} over %Ln day(s) it could sell</source>
        <translation>
            <numerusform>{avg} over %Ln day it could sell</numerusform>
            <numerusform>{avg} over %Ln days it could sell</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%Ln campaign task(s) overdue</source>
        <translation>
            <numerusform>%Ln campaign task overdue</numerusform>
            <numerusform>%Ln campaign tasks overdue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MemberLoyaltyPanel</name>
    <message numerus="yes">
        <source>%Ln order(s)</source>
        <translation>
            <numerusform>%Ln order</numerusform>
            <numerusform>%Ln orders</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MembersTab</name>
    <message numerus="yes">
        <source>%Ln member(s)</source>
        <translation>
            <numerusform>%Ln member</numerusform>
            <numerusform>%Ln members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{spend} (%Ln without an exchange rate)</source>
        <translation>
            <numerusform>{spend} (%Ln member without an exchange rate)</numerusform>
            <numerusform>{spend} (%Ln members without an exchange rate)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SeasonDialog</name>
    <message numerus="yes">
        <source>%Ln selected SKU(s) sell only in these months. Out of season nothing is suggested for reorder.</source>
        <translation>
            <numerusform>%Ln selected SKU sells only in these months. Out of season nothing is suggested for reorder.</numerusform>
            <numerusform>%Ln selected SKUs sell only in these months. Out of season nothing is suggested for reorder.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SegmentPanel</name>
    <message numerus="yes">
        <source>%Ln of the members&apos; sold order(s) in currencies without an exchange rate are left out of spend, tiers and points (Edit › Exchange rates…).</source>
        <translation>
            <numerusform>%Ln of the members&apos; sold orders, in a currency without an exchange rate, is left out of spend, tiers and points (Edit › Exchange rates…).</numerusform>
            <numerusform>%Ln of the members&apos; sold orders, in currencies without an exchange rate, are left out of spend, tiers and points (Edit › Exchange rates…).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln sold order(s) name no buyer in their export: they count in sales but belong to no member.</source>
        <translation>
            <numerusform>%Ln sold order names no buyer in its export: it counts in sales but belongs to no member.</numerusform>
            <numerusform>%Ln sold orders name no buyer in their export: they count in sales but belong to no member.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln member(s) have orders on their platform that are not imported yet, as its customer export says: import the orders export to see them.</source>
        <translation>
            <numerusform>%Ln member has orders on their platform that are not imported yet, as its customer export says: import the orders export to see them.</numerusform>
            <numerusform>%Ln members have orders on their platform that are not imported yet, as its customer export says: import the orders export to see them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SelectionMenu</name>
    <message numerus="yes">
        <source>%Ln selected SKU(s)</source>
        <translation>
            <numerusform>%Ln selected SKU</numerusform>
            <numerusform>%Ln selected SKUs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tags to add to %Ln selected SKU(s), separated by commas:</source>
        <translation>
            <numerusform>Tags to add to %Ln selected SKU, separated by commas:</numerusform>
            <numerusform>Tags to add to %Ln selected SKUs, separated by commas:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tags to remove from %Ln selected SKU(s), separated by commas:</source>
        <translation>
            <numerusform>Tags to remove from %Ln selected SKU, separated by commas:</numerusform>
            <numerusform>Tags to remove from %Ln selected SKUs, separated by commas:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>New value for %Ln selected SKU(s):</source>
        <translation>
            <numerusform>New value for %Ln selected SKU:</numerusform>
            <numerusform>New value for %Ln selected SKUs:</numerusform>
        </translation>
    </message>
</context>
</TS>
