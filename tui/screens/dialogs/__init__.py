"""Modal dialogs: tagging a claim, confirming, editing a note, exporting."""
