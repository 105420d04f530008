"""The candidate's own pages: profile, plan and goals in their own words, consents, data download."""
