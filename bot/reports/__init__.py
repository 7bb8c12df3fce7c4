"""The annual report's commands: `report <YYYY>` in chat and `committee-bot report` on the command line."""
