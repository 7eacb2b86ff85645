"""People and their consent: the people list, a person's page, and the consent forms."""
