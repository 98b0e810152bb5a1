// Pointer members that null-members.cpp calls through; what is stored into
// them is in null-members.cpp, null-members-arm.cpp, and code no analysed
// file has.
using Handler = int (*)(int);
using Sink = void (*)(int *);

struct Hooks {
  Handler idle{};          // only ever null in the program
  Handler error = nullptr; // null-members-arm.cpp stores 'loud' into it
  Sink sink = nullptr;     // its address goes to 'attach'
};

// Defined in no analysed file.
void attach(Sink *slot);

// As entt::delegate: a default member initializer of a template, which no
// analysed code instantiates for 'Delegate<int>'.
template <typename T> struct Delegate {
  T (*fn)(T){};
  T operator()(T x) const { return fn ? fn(x) : x; }
};

void arm(Hooks &h, Delegate<long> &d);
