"""The demo shop: two years of a made-up tea-and-ceramics seller on every platform.

It writes only base data (catalogue, customers, orders, stock, promotions) and
then runs the same recompute step a real shop runs (services/recompute.py), so
every tier, point and warning it shows is one the app computed.
"""
