"""Message catalogue sources, one module per area; merged by graphmap.i18n."""
