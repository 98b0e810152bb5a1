// Benchmark input: template-heavy code over standard containers.
#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

namespace graph {

template <typename Node> class Graph {
public:
  void connect(const Node &from, const Node &to) {
    edges_[from].push_back(to);
    edges_[to];
  }
  template <typename Visit> void walk(const Node &start, Visit visit) const {
    std::vector<Node> stack{start};
    std::unordered_map<Node, bool> seen;
    while (!stack.empty()) {
      Node current = stack.back();
      stack.pop_back();
      if (seen[current])
        continue;
      seen[current] = true;
      visit(current);
      auto it = edges_.find(current);
      if (it != edges_.end())
        for (const Node &next : it->second)
          stack.push_back(next);
    }
  }

private:
  std::unordered_map<Node, std::vector<Node>> edges_;
};

using Value = std::variant<int, double, std::string>;

std::string describe(const Value &v) {
  return std::visit(
      [](const auto &x) -> std::string {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::string>)
          return x;
        else
          return std::to_string(x);
      },
      v);
}

int count(const Graph<int> &g, int start) {
  int n = 0;
  g.walk(start, [&](int) { ++n; });
  return n;
}

std::vector<std::string> names(const Graph<std::string> &g) {
  std::vector<std::string> out;
  g.walk("root", [&](const std::string &s) { out.push_back(s); });
  return out;
}

std::shared_ptr<Graph<int>> build() {
  auto g = std::make_shared<Graph<int>>();
  for (int i = 0; i < 10; ++i)
    g->connect(i, (i * 7) % 10);
  return g;
}

std::function<int(int)> adder(int k) {
  return [k](int x) { return x + k; };
}

} // namespace graph
