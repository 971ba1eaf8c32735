"""The kiosk–central contract both sides import: signing, tracking numbers, ID hashing, status words, masking."""
