"""The portal's own face: the home page, the About, terms and contact texts, the header and
footer, and the sysadmin settings behind them."""
