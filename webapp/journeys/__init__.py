"""The journeys: blueprints with their forms and views."""
