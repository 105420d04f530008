"""Campaigns, pledges, stories and the campaign funnel."""
