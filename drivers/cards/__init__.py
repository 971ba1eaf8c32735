"""Card types both card readers report: the identity, the decoded photo, card events and the code tables."""
