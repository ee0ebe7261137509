// PLACEHOLDER until the simulator lands.
#include "sim/machine.h"
namespace vss4j::sim {
std::shared_ptr<Machine> Machine::create() { return nullptr; }
}  // namespace vss4j::sim
