"""The promotions calendar: month, week and list views and the year strip, all drawing the same items."""
