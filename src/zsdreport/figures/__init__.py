"""The one home of figures: the formula language, evaluation, printed form and the listing."""
