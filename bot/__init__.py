"""Committee Bot: the register of a cooperation committee, kept from inside chat."""
