// Calls a function defined in another translation unit.
void allocatesElsewhere();
void caller() { allocatesElsewhere(); }
