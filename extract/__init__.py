"""Text → events: the text layer, the date grammar, the actor matcher and the event extractor."""
