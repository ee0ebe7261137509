#include "windows/system_backend.h"

#include <mutex>
#include <new>
#include <thread>

#include "core/log.h"
#include "core/own_thread.h"
#include "windows/com_backend.h"
#include "windows/com_exceptions.h"
#include "windows/com_ptr.h"
#include "windows/convert.h"
#include "windows/process_checks.h"
#include "windows/vss_api.h"
#include "windows/vss_sdk.h"

namespace vss4j::win {
namespace {

using CreateFn = HRESULT(STDAPICALLTYPE*)(IVssBackupComponents**);
using FreeFn = void(APIENTRY*)(VSS_SNAPSHOT_PROP*);

hresult lastError() {
  DWORD error = GetLastError();
  return error == 0 ? hr::kFail : static_cast<hresult>(HRESULT_FROM_WIN32(error));
}

// GetProcAddress's FARPROC to the real type, through the generic function pointer type that casts allow silently.
template <typename Fn>
Fn findExport(HMODULE module, const char* name, const char* fallback) {
  FARPROC proc = GetProcAddress(module, name);
  if (proc == nullptr && fallback != nullptr) proc = GetProcAddress(module, fallback);
  return reinterpret_cast<Fn>(reinterpret_cast<void (*)()>(proc));
}

hresult loadVssApi(std::shared_ptr<VssApi>& api, std::string& message) {
  // Only System32's copy: no DLL planted beside the JVM or on PATH is ever loaded.
  HMODULE module = LoadLibraryExW(L"vssapi.dll", nullptr, LOAD_LIBRARY_SEARCH_SYSTEM32);
  if (module == nullptr) {
    hresult result = lastError();
    message = "vssapi.dll could not be loaded from System32 (" + hex(result) +
              "): the Volume Shadow Copy Service is not available on this Windows installation.";
    return result;
  }
  auto loaded = std::make_shared<VssApi>();
  loaded->module = module;
  // The plain names exist since Vista; the mangled one is the old C++ export (x64 decoration).
  auto create = findExport<CreateFn>(module, "CreateVssBackupComponentsInternal",
                                     "?CreateVssBackupComponents@@YAJPEAPEAVIVssBackupComponents@@@Z");
  auto freeProps = findExport<FreeFn>(module, "VssFreeSnapshotPropertiesInternal", "VssFreeSnapshotProperties");
  if (create == nullptr || freeProps == nullptr) {
    hresult result = static_cast<hresult>(HRESULT_FROM_WIN32(ERROR_PROC_NOT_FOUND));
    message = std::string("vssapi.dll in System32 does not export ") +
              (create == nullptr ? "CreateVssBackupComponentsInternal" : "VssFreeSnapshotProperties") +
              ": this Windows version's VSS is not supported (Windows 8 / Server 2012 or later is required).";
    return result;
  }
  loaded->createBackupComponents = create;
  loaded->freeSnapshotProperties = freeProps;
  api = std::move(loaded);
  return hr::kOk;
}

// COM security is process-wide and settable once; its outcome is remembered for later openSystemBackend calls.
std::mutex g_securityMutex;
bool g_securityDone = false;
hresult g_securityResult = hr::kOk;

// Runs on a thread in the multithreaded apartment.
hresult initializeComSecurity(std::string& message) {
  std::lock_guard<std::mutex> lock(g_securityMutex);
  if (g_securityDone) {
    if (failed(g_securityResult)) message = "CoInitializeSecurity failed earlier (" + hex(g_securityResult) + ")";
    return g_securityResult;
  }
  // The settings must survive the moment no thread is in the MTA (between backups): COM would otherwise be torn
  // down and later set up with default security, under which writers cannot call back (event 8194).
  CO_MTA_USAGE_COOKIE cookie = nullptr;
  HRESULT anchor = CoIncrementMTAUsage(&cookie);
  if (FAILED(anchor)) log(LogLevel::Warn, "CoIncrementMTAUsage failed: " + hex(anchor));
  HRESULT result = CoInitializeSecurity(nullptr, -1, nullptr, nullptr, RPC_C_AUTHN_LEVEL_PKT_PRIVACY,
                                        RPC_C_IMP_LEVEL_IMPERSONATE, nullptr, EOAC_STATIC_CLOAKING, nullptr);
  if (result == RPC_E_TOO_LATE) {
    log(LogLevel::Warn,
        "COM security was already initialized by the host process; VSS writers may fail to call back "
        "if it is weaker than packet privacy with impersonation and static cloaking");
    result = S_OK;
  } else if (FAILED(result)) {
    message = "CoInitializeSecurity failed (" + hex(result) + ")";
  } else {
    log(LogLevel::Debug, "COM security initialized for VSS (packet privacy, impersonate, static cloaking)");
  }
  g_securityDone = true;
  g_securityResult = result;
  return result;
}

hresult probe(const VssApi& api, std::string& message) {
  ComPtr<IVssBackupComponents> components;
  HRESULT result = api.createBackupComponents(components.put());
  if (SUCCEEDED(result) && components) return hr::kOk;
  if (SUCCEEDED(result)) result = E_UNEXPECTED;
  if (result == E_ACCESSDENIED) {
    message =
        "VSS refused to create a backup components object (E_ACCESSDENIED): run the JVM as an elevated "
        "administrator or LocalSystem, or add the account to Backup Operators.";
  } else if (result == E_NOTIMPL) {
    message =
        "vssapi.dll does not implement CreateVssBackupComponents (E_NOTIMPL): this system has no working "
        "Volume Shadow Copy Service (Wine, or a stripped-down Windows). Use the simulator instead.";
  } else {
    message = "CreateVssBackupComponents failed (" + hex(result) +
              "): check that the Volume Shadow Copy service (VSS) is not disabled.";
  }
  return result;
}

// COM work during opening happens on a thread of its own: the caller (a Java thread) never enters COM.
hresult comSetup(const SystemBackendOptions& options, const VssApi& api, std::string& message) {
  HRESULT com = CoInitializeEx(nullptr, COINIT_MULTITHREADED);
  if (FAILED(com)) {
    message = "CoInitializeEx(COINIT_MULTITHREADED) failed (" + hex(com) + ")";
    return com;
  }
  hresult result = hr::kOk;
  if (options.initializeComSecurity) {
    result = initializeComSecurity(message);
    // Under the same opt-out: a host that manages COM itself owns this process-wide setting too. Never fatal.
    if (succeeded(result)) disableComExceptionHandling();
  }
  if (succeeded(result) && options.probe) result = probe(api, message);
  CoUninitialize();
  return result;
}

hresult open(const SystemBackendOptions& options, std::shared_ptr<Backend>& backend, std::string& message) {
  hresult result = checkNotWow64(message);
  if (failed(result)) return result;
  if (options.checkBackupRights) {
    result = checkBackupRights(message);
    if (failed(result)) return result;
  }
  enableBackupPrivilege();

  std::shared_ptr<VssApi> api;
  result = loadVssApi(api, message);
  if (failed(result)) return result;

  std::string setupMessage;
  hresult setup = hr::kUnexpected;
  std::thread worker([&]() noexcept {
    OwnThread own;  // a thread of ours: detached from the JVM, if it logged, before it ends
    try {
      setup = comSetup(options, *api, setupMessage);
    } catch (const std::bad_alloc&) {
      setup = hr::kOutOfMemory;
    } catch (...) {
      setup = hr::kUnexpected;
    }
  });
  worker.join();
  if (failed(setup)) {
    message = setupMessage.empty() ? "COM setup for VSS failed (" + hex(setup) + ")" : setupMessage;
    return setup;
  }
  backend = makeComBackend(std::move(api));
  return hr::kOk;
}

}  // namespace

hresult openSystemBackend(const SystemBackendOptions& options, std::shared_ptr<Backend>& backend,
                          std::string& message) {
  try {
    backend.reset();
    message.clear();
    hresult result = open(options, backend, message);
    if (failed(result)) {
      log(LogLevel::Error, "VSS is not available: " + message);
    } else {
      log(LogLevel::Info, "VSS backend opened (vssapi.dll from System32)");
    }
    return result;
  } catch (const std::bad_alloc&) {
    return hr::kOutOfMemory;
  } catch (...) {
    return hr::kUnexpected;
  }
}

}  // namespace vss4j::win
