#include "sim/providers.h"

namespace vss4j::sim {
namespace {

// What Windows reports for its in-box provider (vssadmin list providers: "Microsoft Software Shadow Copy
// provider 1.0", type System, version 1.0.0.7). [I] The version id and class id are those of swprv as Windows
// 10 and later register it, not found in Microsoft's documentation; the workflow prints the real ones.
ProviderProperties systemProvider() {
  ProviderProperties p;
  p.providerId = kSystemProvider;
  p.providerName = u"Microsoft Software Shadow Copy provider 1.0";
  p.providerType = provider_type::SYSTEM;
  p.providerVersion = u"1.0.0.7";
  p.providerVersionId = Guid{0x0000000100000000ULL, 0x0007000000000000ULL};
  p.classId = Guid{0x65ee1dba8ff44a58ULL, 0xac1c3470ee2f376aULL};
  return p;
}

// A provider the simulation added knows only its id. [I] It is described as the simulation's javadoc describes
// it, a storage array's hardware provider, with a name that says it is simulated and no version or class ids.
ProviderProperties addedProvider(const Guid& id) {
  ProviderProperties p;
  p.providerId = id;
  p.providerName = u"vss4j simulated hardware provider";
  p.providerType = provider_type::HARDWARE;
  p.providerVersion = u"1.0";
  return p;
}

}  // namespace

std::vector<ProviderProperties> registeredProviders(const MachineState& machine) {
  std::vector<ProviderProperties> providers{systemProvider()};
  for (const Guid& id : machine.extraProviders) providers.push_back(addedProvider(id));
  return providers;
}

}  // namespace vss4j::sim
