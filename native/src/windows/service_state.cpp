#include "windows/service_state.h"

#include <vector>

#include "windows/convert.h"

namespace vss4j::win {
namespace {

struct ScHandle {
  SC_HANDLE handle;
  explicit ScHandle(SC_HANDLE h) : handle(h) {}
  ScHandle(const ScHandle&) = delete;
  ScHandle& operator=(const ScHandle&) = delete;
  ~ScHandle() {
    if (handle != nullptr) CloseServiceHandle(handle);
  }
};

HRESULT lastError() {
  return HRESULT_FROM_WIN32(GetLastError());
}

}  // namespace

HRESULT queryService(const WString& name, ServiceState& state) {
  state = ServiceState{};
  const std::wstring wide = toWide(name);
  // SC_MANAGER_CONNECT and the two query rights are granted to interactive users and services alike.
  ScHandle manager(OpenSCManagerW(nullptr, nullptr, SC_MANAGER_CONNECT));
  if (manager.handle == nullptr) return lastError();
  ScHandle service(OpenServiceW(manager.handle, wide.c_str(), SERVICE_QUERY_STATUS | SERVICE_QUERY_CONFIG));
  if (service.handle == nullptr) {
    const DWORD error = GetLastError();
    return error == ERROR_SERVICE_DOES_NOT_EXIST ? S_OK : HRESULT_FROM_WIN32(error);
  }
  SERVICE_STATUS_PROCESS status{};
  DWORD needed = 0;
  if (!QueryServiceStatusEx(service.handle, SC_STATUS_PROCESS_INFO, reinterpret_cast<LPBYTE>(&status),
                            static_cast<DWORD>(sizeof status), &needed)) {
    return lastError();
  }
  // QueryServiceConfigW: first the size (ERROR_INSUFFICIENT_BUFFER), then the configuration.
  if (!QueryServiceConfigW(service.handle, nullptr, 0, &needed) && GetLastError() != ERROR_INSUFFICIENT_BUFFER) {
    return lastError();
  }
  std::vector<BYTE> buffer(needed == 0 ? sizeof(QUERY_SERVICE_CONFIGW) : needed);
  auto* config = reinterpret_cast<QUERY_SERVICE_CONFIGW*>(buffer.data());
  if (!QueryServiceConfigW(service.handle, config, static_cast<DWORD>(buffer.size()), &needed)) return lastError();
  state.exists = true;
  state.currentState = status.dwCurrentState;
  state.startType = config->dwStartType;
  return S_OK;
}

}  // namespace vss4j::win
