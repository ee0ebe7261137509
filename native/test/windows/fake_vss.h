// A COM fake of the VSS requester interfaces: real classes deriving from the SDK's IVssBackupComponents,
// IVssAsync, IVssExamineWriterMetadata and IVssEnumObject, owned by the test (Release never deletes), so a test
// reads every reference count at its end.
#pragma once

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <map>
#include <mutex>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "windows/vss_sdk.h"

namespace vss4j::win::fake {

// The SDKs disagree on some parameter types (bool in Microsoft's, boolean in mingw-w64's): the fake takes
// whatever the interface it overrides declares.
template <typename>
struct Params;
template <typename C, typename R, typename... A>
struct Params<R (C::*)(A...)> {
  template <std::size_t I>
  using At = std::tuple_element_t<I, std::tuple<A...>>;
};
#define VSS4J_PARAM(method, index) Params<decltype(&method)>::At<index>

// COM interfaces have no virtual destructor by design (objects delete themselves in Release), which GCC's
// -Wnon-virtual-dtor reports for every class deriving from one.
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnon-virtual-dtor"
#endif
template <typename Interface>
class Unknown : public Interface {
 public:
  // The IID is passed in: Microsoft's SDK attaches none to its hand-written classes (no __uuidof).
  explicit Unknown(const IID& iid) : iid_(iid) {}
  Unknown(const Unknown&) = delete;
  Unknown& operator=(const Unknown&) = delete;
  virtual ~Unknown() = default;

  HRESULT STDMETHODCALLTYPE QueryInterface(REFIID riid, void** object) override {
    if (object == nullptr) return E_POINTER;
    if (IsEqualIID(riid, IID_IUnknown) || IsEqualIID(riid, iid_)) {
      *object = static_cast<Interface*>(this);
      AddRef();
      return S_OK;
    }
    *object = nullptr;
    return E_NOINTERFACE;
  }
  ULONG STDMETHODCALLTYPE AddRef() override { return static_cast<ULONG>(++refs_); }
  ULONG STDMETHODCALLTYPE Release() override {
    long now = --refs_;
    if (now < 0) overReleased_ = true;
    return static_cast<ULONG>(now < 0 ? 0 : now);
  }

  long refs() const { return refs_.load(); }
  bool overReleased() const { return overReleased_.load(); }
  // One reference handed out, as CreateVssBackupComponents or an IVssAsync** out-parameter does.
  Interface* give() {
    AddRef();
    return this;
  }

 private:
  const IID iid_;
  std::atomic<long> refs_{0};
  std::atomic<bool> overReleased_{false};
};

// The interfaces' IIDs (VSS-BEHAVIOUR.md, mingw-w64's vss.h and vsbackup.h).
constexpr IID kIidAsync = {0x507c37b4, 0xcf5b, 0x4e95, {0xb0, 0xaf, 0x14, 0xeb, 0x97, 0x67, 0x46, 0x7e}};
constexpr IID kIidBackupComponents = {0x665c1d5f, 0xc218, 0x414d, {0xa0, 0x5d, 0x7f, 0xef, 0x5f, 0x9d, 0x5c, 0x86}};
constexpr IID kIidEnumObject = {0xae1c7110, 0x2f60, 0x11d3, {0x8a, 0x39, 0x00, 0xc0, 0x4f, 0x72, 0xd8, 0xe3}};
constexpr IID kIidExamineWriterMetadata = {0x902fcf7f, 0xb7fd, 0x42f8, {0x81, 0xf1, 0xb2, 0xe4, 0x00, 0xb1, 0xe5, 0xbd}};
constexpr IID kIidComponentEx = {0x156c8b5e, 0xf131, 0x4bd7, {0x9c, 0x97, 0xd1, 0x92, 0x3b, 0xe7, 0xe1, 0xfa}};
constexpr IID kIidComponentEx2 = {0x3b5be0f2, 0x07a9, 0x4e4b, {0xbd, 0xd3, 0xcf, 0xdc, 0x8e, 0x2c, 0x0d, 0x2d}};
constexpr IID kIidBackupComponentsEx = {0x963f03ad, 0x9e4c, 0x4a34, {0xac, 0x15, 0xe4, 0xb6, 0x17, 0x4e, 0x50, 0x36}};
constexpr IID kIidBackupComponentsEx2 = {0xacfe2b3a, 0x22c9, 0x4ef8, {0xbd, 0x03, 0x2f, 0x9c, 0xa2, 0x30, 0x08, 0x4e}};

// IVssAsync over an operation the test ends with finish(); Wait honours its timeout.
class Async final : public Unknown<IVssAsync> {
 public:
  Async() : Unknown(kIidAsync) {}
  // The return of Wait when its timeout expires before the end: undocumented, so configurable.
  HRESULT waitTimeoutResult = S_OK;
  // When a failure, every Wait returns it at once, the operation still pending (an RPC channel gone, say).
  HRESULT waitFailure = S_OK;
  // When set, the operation ends with it just before a Cancel while pending reaches it (a race lost to the end).
  HRESULT endBeforeCancel = S_OK;

  void finish(HRESULT outcome) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (state_ == VSS_S_ASYNC_PENDING) state_ = outcome;
    changed_.notify_all();
  }

  HRESULT STDMETHODCALLTYPE Cancel() override {
    std::lock_guard<std::mutex> lock(mutex_);
    ++cancels;
    if (state_ == VSS_S_ASYNC_PENDING && endBeforeCancel != S_OK) state_ = endBeforeCancel;
    if (state_ == VSS_S_ASYNC_PENDING) {
      state_ = VSS_S_ASYNC_CANCELLED;
      changed_.notify_all();
      return S_OK;
    }
    return state_;  // VSS_S_ASYNC_CANCELLED, VSS_S_ASYNC_FINISHED or the operation's error
  }
  HRESULT STDMETHODCALLTYPE Wait(DWORD milliseconds) override {
    std::unique_lock<std::mutex> lock(mutex_);
    ++waits;
    auto done = [&] { return state_ != VSS_S_ASYNC_PENDING; };
    if (FAILED(waitFailure) && !done()) return waitFailure;
    if (milliseconds == INFINITE) {
      changed_.wait(lock, done);
    } else if (!changed_.wait_for(lock, std::chrono::milliseconds(milliseconds), done)) {
      return waitTimeoutResult;
    }
    return FAILED(state_) ? state_ : S_OK;
  }
  HRESULT STDMETHODCALLTYPE QueryStatus(HRESULT* result, INT* reserved) override {
    if (result == nullptr || reserved != nullptr) return E_INVALIDARG;
    std::lock_guard<std::mutex> lock(mutex_);
    *result = state_;
    return S_OK;
  }

  std::atomic<int> cancels{0};
  std::atomic<int> waits{0};

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  HRESULT state_ = VSS_S_ASYNC_PENDING;
};

// A BSTR as VSS hands one out: the caller frees it (SysFreeString). Counted, so a test sees how many it gave.
inline std::atomic<long> g_bstrsGiven{0};
inline BSTR giveBstr(const std::wstring& text) {
  ++g_bstrsGiven;
  return SysAllocString(text.c_str());
}

// A getter's answer: the value copied out (a text as a new BSTR), S_OK.
inline HRESULT answer(BSTR* out, const std::wstring& text) {
  *out = giveBstr(text);
  return S_OK;
}
template <typename Out, typename Value>
HRESULT answer(Out* out, const Value& value) {
  *out = value;
  return S_OK;
}
// VSS leaves a text NULL when nobody named one.
inline HRESULT answerOrNull(BSTR* out, const std::wstring& text) {
  *out = text.empty() ? nullptr : giveBstr(text);
  return S_OK;
}

// IVssWMFiledesc: a file descriptor with its fields; a getter may be made to fail.
class WMFiledesc final : public Unknown<IVssWMFiledesc> {
 public:
  WMFiledesc() : Unknown(IID_IUnknown) {}
  std::wstring path, spec, alternate;
  bool recursive = false;
  HRESULT getPathResult = S_OK;

  HRESULT STDMETHODCALLTYPE GetPath(BSTR* out) override {
    if (FAILED(getPathResult)) return getPathResult;
    return answer(out, path);
  }
  HRESULT STDMETHODCALLTYPE GetFilespec(BSTR* out) override { return answer(out, spec); }
  HRESULT STDMETHODCALLTYPE GetRecursive(VSS4J_PARAM(IVssWMFiledesc::GetRecursive, 0) out) override {
    return answer(out, recursive);
  }
  HRESULT STDMETHODCALLTYPE GetAlternateLocation(BSTR* out) override { return answerOrNull(out, alternate); }
  HRESULT STDMETHODCALLTYPE GetBackupTypeMask(DWORD* out) override { return answer(out, DWORD{0}); }
};

class WMDependency final : public Unknown<IVssWMDependency> {
 public:
  WMDependency() : Unknown(IID_IUnknown) {}
  VSS_ID writerId = GUID_NULL;
  std::wstring logicalPath, name;

  HRESULT STDMETHODCALLTYPE GetWriterId(VSS_ID* out) override { return answer(out, writerId); }
  HRESULT STDMETHODCALLTYPE GetLogicalPath(BSTR* out) override { return answer(out, logicalPath); }
  HRESULT STDMETHODCALLTYPE GetComponentName(BSTR* out) override { return answer(out, name); }
};

// IVssWMComponent: its VSS_COMPONENTINFO is allocated on each GetComponentInfo and counted until
// FreeComponentInfo takes it back.
class WMComponent final : public Unknown<IVssWMComponent> {
 public:
  WMComponent() : Unknown(IID_IUnknown) {}
  VSS_COMPONENT_TYPE type = VSS_CT_DATABASE;
  std::wstring logicalPath, name, caption;
  bool selectable = true, selectableForRestore = false, notify = false;
  DWORD flags = 0;
  std::vector<WMFiledesc*> files, databaseFiles, logFiles;
  std::vector<WMDependency*> dependencies;
  std::atomic<int> infosGiven{0}, infosFreed{0};
  bool freedUnknownInfo = false;

  HRESULT STDMETHODCALLTYPE GetComponentInfo(PVSSCOMPONENTINFO* out) override {
    auto* info = new VSS_COMPONENTINFO{};
    info->type = type;
    info->bstrLogicalPath = logicalPath.empty() ? nullptr : SysAllocString(logicalPath.c_str());
    info->bstrComponentName = SysAllocString(name.c_str());
    info->bstrCaption = caption.empty() ? nullptr : SysAllocString(caption.c_str());
    info->bSelectable = selectable;
    info->bSelectableForRestore = selectableForRestore;
    info->bNotifyOnBackupComplete = notify;
    info->dwComponentFlags = flags;
    info->cFileCount = static_cast<UINT>(files.size());
    info->cDatabases = static_cast<UINT>(databaseFiles.size());
    info->cLogFiles = static_cast<UINT>(logFiles.size());
    info->cDependencies = static_cast<UINT>(dependencies.size());
    ++infosGiven;
    std::lock_guard<std::mutex> lock(mutex_);
    live_.push_back(info);
    *out = info;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE FreeComponentInfo(PVSSCOMPONENTINFO info) override {
    std::lock_guard<std::mutex> lock(mutex_);
    auto found = std::find(live_.begin(), live_.end(), info);
    if (found == live_.end()) {
      freedUnknownInfo = true;
      return E_INVALIDARG;
    }
    live_.erase(found);
    ++infosFreed;
    SysFreeString(info->bstrLogicalPath);
    SysFreeString(info->bstrComponentName);
    SysFreeString(info->bstrCaption);
    delete info;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE GetFile(UINT i, IVssWMFiledesc** out) override { return giveFile(files, i, out); }
  HRESULT STDMETHODCALLTYPE GetDatabaseFile(UINT i, IVssWMFiledesc** out) override {
    return giveFile(databaseFiles, i, out);
  }
  HRESULT STDMETHODCALLTYPE GetDatabaseLogFile(UINT i, IVssWMFiledesc** out) override {
    return giveFile(logFiles, i, out);
  }
  HRESULT STDMETHODCALLTYPE GetDependency(UINT i, IVssWMDependency** out) override {
    if (i >= dependencies.size()) return E_INVALIDARG;
    *out = dependencies[i]->give();
    return S_OK;
  }

 private:
  static HRESULT giveFile(const std::vector<WMFiledesc*>& list, UINT i, IVssWMFiledesc** out) {
    if (i >= list.size()) return E_INVALIDARG;
    *out = list[i]->give();
    return S_OK;
  }
  std::mutex mutex_;
  std::vector<VSS_COMPONENTINFO*> live_;
};

class ExamineWriterMetadata final : public Unknown<IVssExamineWriterMetadata> {
 public:
  ExamineWriterMetadata() : Unknown(kIidExamineWriterMetadata) {}
  VSS_ID instanceId = GUID_NULL;
  VSS_ID writerId = GUID_NULL;
  std::wstring name;
  VSS_USAGE_TYPE usage = VSS_UT_UNDEFINED;
  VSS_SOURCE_TYPE source = VSS_ST_UNDEFINED;
  VSS_RESTOREMETHOD_ENUM restoreMethod = VSS_RME_UNDEFINED;
  std::wstring service, userProcedure;
  VSS_WRITERRESTORE_ENUM writerRestore = VSS_WRE_UNDEFINED;
  bool reboot = false;
  UINT mappings = 0;
  DWORD schema = 0;
  HRESULT schemaResult = S_OK;
  std::vector<WMFiledesc*> excludes;
  std::vector<WMComponent*> components;

  HRESULT STDMETHODCALLTYPE GetIdentity(VSS_ID* instance, VSS_ID* writer, BSTR* writerName, VSS_USAGE_TYPE* usageType,
                                        VSS_SOURCE_TYPE* sourceType) override {
    *instance = instanceId;
    *writer = writerId;
    *writerName = giveBstr(name);
    *usageType = usage;
    *sourceType = source;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE GetFileCounts(UINT* includes, UINT* excludeCount, UINT* componentCount) override {
    *includes = 0;
    *excludeCount = static_cast<UINT>(excludes.size());
    *componentCount = static_cast<UINT>(components.size());
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE GetIncludeFile(UINT, IVssWMFiledesc**) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE GetExcludeFile(UINT i, IVssWMFiledesc** out) override {
    if (i >= excludes.size()) return E_INVALIDARG;
    *out = excludes[i]->give();
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE GetComponent(UINT i, IVssWMComponent** out) override {
    if (i >= components.size()) return E_INVALIDARG;
    *out = components[i]->give();
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE GetRestoreMethod(VSS_RESTOREMETHOD_ENUM* method, BSTR* serviceOut, BSTR* procedure,
                                             VSS_WRITERRESTORE_ENUM* restore,
                                             VSS4J_PARAM(IVssExamineWriterMetadata::GetRestoreMethod, 4) rebootOut,
                                             UINT* mappingsOut) override {
    *method = restoreMethod;
    *serviceOut = service.empty() ? nullptr : giveBstr(service);
    *procedure = userProcedure.empty() ? nullptr : giveBstr(userProcedure);
    *restore = writerRestore;
    *rebootOut = reboot;
    *mappingsOut = mappings;
    return restoreMethod == VSS_RME_UNDEFINED ? S_FALSE : S_OK;  // S_FALSE: no restore method declared
  }
  HRESULT STDMETHODCALLTYPE GetAlternateLocationMapping(UINT, IVssWMFiledesc**) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE GetBackupSchema(DWORD* out) override {
    *out = schema;
    return schemaResult;
  }
  HRESULT STDMETHODCALLTYPE GetDocument(IXMLDOMDocument**) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE SaveAsXML(BSTR*) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE LoadFromXML(BSTR) override { return E_NOTIMPL; }
};

// IVssComponent as GetWriterComponents hands it out: what a writer recorded in the Backup Components Document.
// Only the getters vss4j reads answer; the rest of the interface is E_NOTIMPL. From Windows 7 and Server 2008 R2
// on, the same object answers QueryInterface for IVssComponentEx and IVssComponentEx2 (the component's failure);
// before, E_NOINTERFACE (extended = false).
class Component final : public Unknown<IVssComponentEx2> {
 public:
  Component() : Unknown(IID_IUnknown) {}
  VSS_COMPONENT_TYPE type = VSS_CT_DATABASE;
  std::wstring logicalPath, name, stamp, previousStamp, options;
  bool succeeded = false;
  bool extended = true;
  // What the writer passed to SetFailure; S_OK and no message when it reported none.
  HRESULT failure = S_OK;
  HRESULT applicationFailure = S_OK;
  std::wstring applicationMessage;
  HRESULT getFailureResult = S_OK;  // what GetFailure itself answers
  // What the requester and the writer recorded for the restore. The texts answer S_FALSE and NULL when empty; the
  // value getters answer their *Result (the value only with S_OK), so that a test gives each one's "not recorded".
  bool selectedForRestore = false, additionalRestores = false;
  VSS_RESTORE_TARGET restoreTarget = VSS_RT_UNDEFINED;
  VSS_FILE_RESTORE_STATUS fileRestoreStatus = VSS_RS_UNDEFINED;
  std::wstring restoreOptions, preRestoreFailure, postRestoreFailure;
  HRESULT selectedResult = S_OK, additionalResult = S_OK, targetResult = S_OK, statusResult = S_OK;
  std::atomic<int> restoreReads{0};  // calls to the restore getters

  HRESULT STDMETHODCALLTYPE QueryInterface(REFIID riid, void** object) override {
    if (object == nullptr) return E_POINTER;
    if (!IsEqualIID(riid, kIidComponentEx) && !IsEqualIID(riid, kIidComponentEx2)) {
      return Unknown::QueryInterface(riid, object);
    }
    if (!extended) {
      *object = nullptr;
      return E_NOINTERFACE;
    }
    *object = static_cast<IVssComponentEx2*>(this);
    AddRef();
    return S_OK;
  }
  // Every out-parameter is required (E_INVALIDARG otherwise); the message is NULL when the writer gave none [I].
  HRESULT STDMETHODCALLTYPE GetFailure(HRESULT* writerError, HRESULT* applicationError, BSTR* message,
                                       DWORD* reserved) override {
    if (writerError == nullptr || applicationError == nullptr || message == nullptr || reserved == nullptr) {
      return E_INVALIDARG;
    }
    if (FAILED(getFailureResult)) return getFailureResult;
    *writerError = failure;
    *applicationError = applicationFailure;
    *reserved = 0;
    return answerOrNull(message, applicationMessage);
  }
  HRESULT STDMETHODCALLTYPE SetFailure(HRESULT, HRESULT, LPCWSTR, DWORD) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE SetPrepareForBackupFailureMsg(LPCWSTR) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE SetPostSnapshotFailureMsg(LPCWSTR) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE GetPrepareForBackupFailureMsg(BSTR*) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE GetPostSnapshotFailureMsg(BSTR*) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE GetAuthoritativeRestore(VSS4J_PARAM(IVssComponentEx::GetAuthoritativeRestore, 0)) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE GetRollForward(VSS4J_PARAM(IVssComponentEx::GetRollForward, 0), BSTR*) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE GetRestoreName(BSTR*) override { return E_NOTIMPL; }

  HRESULT STDMETHODCALLTYPE GetLogicalPath(BSTR* out) override { return answerOrNull(out, logicalPath); }
  HRESULT STDMETHODCALLTYPE GetComponentType(VSS_COMPONENT_TYPE* out) override { return answer(out, type); }
  HRESULT STDMETHODCALLTYPE GetComponentName(BSTR* out) override { return answer(out, name); }
  HRESULT STDMETHODCALLTYPE GetBackupSucceeded(VSS4J_PARAM(IVssComponent::GetBackupSucceeded, 0) out) override {
    return answer(out, succeeded);
  }
  HRESULT STDMETHODCALLTYPE GetAlternateLocationMappingCount(VSS4J_PARAM(IVssComponent::GetAlternateLocationMappingCount, 0)) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE GetAlternateLocationMapping(VSS4J_PARAM(IVssComponent::GetAlternateLocationMapping, 0), VSS4J_PARAM(IVssComponent::GetAlternateLocationMapping, 1)) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE SetBackupMetadata(VSS4J_PARAM(IVssComponent::SetBackupMetadata, 0)) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE GetBackupMetadata(VSS4J_PARAM(IVssComponent::GetBackupMetadata, 0)) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE AddPartialFile(VSS4J_PARAM(IVssComponent::AddPartialFile, 0), VSS4J_PARAM(IVssComponent::AddPartialFile, 1), VSS4J_PARAM(IVssComponent::AddPartialFile, 2), VSS4J_PARAM(IVssComponent::AddPartialFile, 3)) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE GetPartialFileCount(VSS4J_PARAM(IVssComponent::GetPartialFileCount, 0)) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE GetPartialFile(VSS4J_PARAM(IVssComponent::GetPartialFile, 0), VSS4J_PARAM(IVssComponent::GetPartialFile, 1), VSS4J_PARAM(IVssComponent::GetPartialFile, 2), VSS4J_PARAM(IVssComponent::GetPartialFile, 3), VSS4J_PARAM(IVssComponent::GetPartialFile, 4)) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE IsSelectedForRestore(VSS4J_PARAM(IVssComponent::IsSelectedForRestore, 0) out) override {
    return restoreValue(out, selectedForRestore, selectedResult);
  }
  HRESULT STDMETHODCALLTYPE GetAdditionalRestores(VSS4J_PARAM(IVssComponent::GetAdditionalRestores, 0) out) override {
    return restoreValue(out, additionalRestores, additionalResult);
  }
  HRESULT STDMETHODCALLTYPE GetNewTargetCount(VSS4J_PARAM(IVssComponent::GetNewTargetCount, 0)) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE GetNewTarget(VSS4J_PARAM(IVssComponent::GetNewTarget, 0), VSS4J_PARAM(IVssComponent::GetNewTarget, 1)) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE AddDirectedTarget(VSS4J_PARAM(IVssComponent::AddDirectedTarget, 0), VSS4J_PARAM(IVssComponent::AddDirectedTarget, 1), VSS4J_PARAM(IVssComponent::AddDirectedTarget, 2), VSS4J_PARAM(IVssComponent::AddDirectedTarget, 3), VSS4J_PARAM(IVssComponent::AddDirectedTarget, 4), VSS4J_PARAM(IVssComponent::AddDirectedTarget, 5)) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE GetDirectedTargetCount(VSS4J_PARAM(IVssComponent::GetDirectedTargetCount, 0)) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE GetDirectedTarget(VSS4J_PARAM(IVssComponent::GetDirectedTarget, 0), VSS4J_PARAM(IVssComponent::GetDirectedTarget, 1), VSS4J_PARAM(IVssComponent::GetDirectedTarget, 2), VSS4J_PARAM(IVssComponent::GetDirectedTarget, 3), VSS4J_PARAM(IVssComponent::GetDirectedTarget, 4), VSS4J_PARAM(IVssComponent::GetDirectedTarget, 5), VSS4J_PARAM(IVssComponent::GetDirectedTarget, 6)) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE SetRestoreMetadata(VSS4J_PARAM(IVssComponent::SetRestoreMetadata, 0)) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE GetRestoreMetadata(VSS4J_PARAM(IVssComponent::GetRestoreMetadata, 0)) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE SetRestoreTarget(VSS4J_PARAM(IVssComponent::SetRestoreTarget, 0)) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE GetRestoreTarget(VSS_RESTORE_TARGET* out) override {
    return restoreValue(out, restoreTarget, targetResult);
  }
  HRESULT STDMETHODCALLTYPE SetPreRestoreFailureMsg(VSS4J_PARAM(IVssComponent::SetPreRestoreFailureMsg, 0)) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE GetPreRestoreFailureMsg(BSTR* out) override {
    ++restoreReads;
    return optional(preRestoreFailure, out);
  }
  HRESULT STDMETHODCALLTYPE SetPostRestoreFailureMsg(VSS4J_PARAM(IVssComponent::SetPostRestoreFailureMsg, 0)) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE GetPostRestoreFailureMsg(BSTR* out) override {
    ++restoreReads;
    return optional(postRestoreFailure, out);
  }
  HRESULT STDMETHODCALLTYPE SetBackupStamp(VSS4J_PARAM(IVssComponent::SetBackupStamp, 0)) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE GetBackupStamp(BSTR* out) override { return optional(stamp, out); }
  HRESULT STDMETHODCALLTYPE GetPreviousBackupStamp(BSTR* out) override { return optional(previousStamp, out); }
  HRESULT STDMETHODCALLTYPE GetBackupOptions(BSTR* out) override { return optional(options, out); }
  HRESULT STDMETHODCALLTYPE GetRestoreOptions(BSTR* out) override {
    ++restoreReads;
    return optional(restoreOptions, out);
  }
  HRESULT STDMETHODCALLTYPE GetRestoreSubcomponentCount(VSS4J_PARAM(IVssComponent::GetRestoreSubcomponentCount, 0)) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE GetRestoreSubcomponent(VSS4J_PARAM(IVssComponent::GetRestoreSubcomponent, 0), VSS4J_PARAM(IVssComponent::GetRestoreSubcomponent, 1), VSS4J_PARAM(IVssComponent::GetRestoreSubcomponent, 2), VSS4J_PARAM(IVssComponent::GetRestoreSubcomponent, 3)) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE GetFileRestoreStatus(VSS_FILE_RESTORE_STATUS* out) override {
    return restoreValue(out, fileRestoreStatus, statusResult);
  }
  HRESULT STDMETHODCALLTYPE AddDifferencedFilesByLastModifyTime(VSS4J_PARAM(IVssComponent::AddDifferencedFilesByLastModifyTime, 0), VSS4J_PARAM(IVssComponent::AddDifferencedFilesByLastModifyTime, 1), VSS4J_PARAM(IVssComponent::AddDifferencedFilesByLastModifyTime, 2), VSS4J_PARAM(IVssComponent::AddDifferencedFilesByLastModifyTime, 3)) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE AddDifferencedFilesByLastModifyLSN(VSS4J_PARAM(IVssComponent::AddDifferencedFilesByLastModifyLSN, 0), VSS4J_PARAM(IVssComponent::AddDifferencedFilesByLastModifyLSN, 1), VSS4J_PARAM(IVssComponent::AddDifferencedFilesByLastModifyLSN, 2), VSS4J_PARAM(IVssComponent::AddDifferencedFilesByLastModifyLSN, 3)) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE GetDifferencedFilesCount(VSS4J_PARAM(IVssComponent::GetDifferencedFilesCount, 0)) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE GetDifferencedFile(VSS4J_PARAM(IVssComponent::GetDifferencedFile, 0), VSS4J_PARAM(IVssComponent::GetDifferencedFile, 1), VSS4J_PARAM(IVssComponent::GetDifferencedFile, 2), VSS4J_PARAM(IVssComponent::GetDifferencedFile, 3), VSS4J_PARAM(IVssComponent::GetDifferencedFile, 4), VSS4J_PARAM(IVssComponent::GetDifferencedFile, 5)) override { return E_NOTIMPL; }

 private:
  // VSS answers S_FALSE and NULL when the writer or requester recorded nothing.
  static HRESULT optional(const std::wstring& text, BSTR* out) {
    *out = text.empty() ? nullptr : giveBstr(text);
    return text.empty() ? S_FALSE : S_OK;
  }
  // A restore getter of a value: `result` as the answer, the value copied out only with S_OK.
  template <typename Out, typename Value>
  HRESULT restoreValue(Out* out, const Value& value, HRESULT result) {
    ++restoreReads;
    if (result == S_OK) *out = static_cast<Out>(value);
    return result;
  }
};

// IVssWriterComponentsExt laid out as Microsoft declares it: IVssWriterComponents, then IUnknown. mingw-w64's
// header leaves the IUnknown base out, so the fake adds it there (writer_components.h's unknownOf relies on it).
struct NoBase {};
using ExtraUnknown = std::conditional_t<std::is_base_of_v<IUnknown, IVssWriterComponentsExt>, NoBase, IUnknown>;

class WriterComponentsExt final : public IVssWriterComponentsExt, public ExtraUnknown {
 public:
  WriterComponentsExt() = default;
  WriterComponentsExt(const WriterComponentsExt&) = delete;
  WriterComponentsExt& operator=(const WriterComponentsExt&) = delete;
  virtual ~WriterComponentsExt() = default;
  VSS_ID instanceId = GUID_NULL;
  VSS_ID writerId = GUID_NULL;
  std::vector<Component*> components;

  HRESULT STDMETHODCALLTYPE QueryInterface(REFIID, void** object) override {
    *object = nullptr;
    return E_NOINTERFACE;
  }
  ULONG STDMETHODCALLTYPE AddRef() override { return static_cast<ULONG>(++refs_); }
  ULONG STDMETHODCALLTYPE Release() override {
    long now = --refs_;
    if (now < 0) overReleased_ = true;
    return static_cast<ULONG>(now < 0 ? 0 : now);
  }
  long refs() const { return refs_.load(); }
  bool overReleased() const { return overReleased_.load(); }
  IVssWriterComponentsExt* give() {
    AddRef();
    return this;
  }

  HRESULT STDMETHODCALLTYPE GetComponentCount(UINT* count) override {
    *count = static_cast<UINT>(components.size());
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE GetWriterInfo(VSS_ID* instance, VSS_ID* writer) override {
    *instance = instanceId;
    *writer = writerId;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE GetComponent(UINT i, IVssComponent** out) override {
    if (i >= components.size()) return E_INVALIDARG;
    *out = components[i]->give();
    return S_OK;
  }

 private:
  std::atomic<long> refs_{0};
  std::atomic<bool> overReleased_{false};
};

// A snapshot as the fake stores it; handed out as a VSS_SNAPSHOT_PROP with CoTaskMemAlloc'd strings, as VSS does.
struct Snapshot {
  VSS_ID id = GUID_NULL;
  VSS_ID setId = GUID_NULL;
  LONG count = 1;
  std::wstring device, original, originating, service, exposedName, exposedPath;
  VSS_ID provider = GUID_NULL;
  LONG attributes = 0;
  LONGLONG created = 0;
  VSS_SNAPSHOT_STATE status = VSS_SS_CREATED;
};

inline VSS_PWSZ taskString(const std::wstring& text) {
  if (text.empty()) return nullptr;  // VSS leaves unused fields NULL
  auto* out = static_cast<VSS_PWSZ>(CoTaskMemAlloc((text.size() + 1) * sizeof(wchar_t)));
  if (out != nullptr) std::copy(text.c_str(), text.c_str() + text.size() + 1, out);
  return out;
}

inline void fill(VSS_SNAPSHOT_PROP& prop, const Snapshot& s) {
  prop.m_SnapshotId = s.id;
  prop.m_SnapshotSetId = s.setId;
  prop.m_lSnapshotsCount = s.count;
  prop.m_pwszSnapshotDeviceObject = taskString(s.device);
  prop.m_pwszOriginalVolumeName = taskString(s.original);
  prop.m_pwszOriginatingMachine = taskString(s.originating);
  prop.m_pwszServiceMachine = taskString(s.service);
  prop.m_pwszExposedName = taskString(s.exposedName);
  prop.m_pwszExposedPath = taskString(s.exposedPath);
  prop.m_ProviderId = s.provider;
  prop.m_lSnapshotAttributes = s.attributes;
  prop.m_tsCreationTimestamp = s.created;
  prop.m_eStatus = s.status;
}

class EnumObject final : public Unknown<IVssEnumObject> {
 public:
  EnumObject() : Unknown(kIidEnumObject) {}
  std::vector<Snapshot> snapshots;
  std::size_t position = 0;
  HRESULT failAt = S_OK;  // returned by Next once the list is exhausted, instead of S_FALSE, when set

  HRESULT STDMETHODCALLTYPE Next(ULONG celt, VSS_OBJECT_PROP* items, ULONG* fetched) override {
    *fetched = 0;
    for (ULONG i = 0; i < celt; ++i) {
      if (position == snapshots.size()) return FAILED(failAt) ? failAt : S_FALSE;
      items[i] = VSS_OBJECT_PROP{};
      items[i].Type = VSS_OBJECT_SNAPSHOT;
      fill(items[i].Obj.Snap, snapshots[position++]);
      ++*fetched;
    }
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE Skip(ULONG) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE Reset() override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE Clone(IVssEnumObject**) override { return E_NOTIMPL; }
};

// A provider as the fake stores it; handed out as a VSS_PROVIDER_PROP with CoTaskMemAlloc'd strings, as VSS does.
struct Provider {
  VSS_ID id = GUID_NULL;
  std::wstring name, version;
  VSS_PROVIDER_TYPE type = VSS_PROV_SYSTEM;
  VSS_ID versionId = GUID_NULL;
  CLSID classId = GUID_NULL;
};

// IVssEnumObject over providers; records every string it hands out, for the test to see each freed once.
class ProviderEnum final : public Unknown<IVssEnumObject> {
 public:
  ProviderEnum() : Unknown(kIidEnumObject) {}
  std::vector<Provider> providers;
  std::vector<void*> handedOut;
  std::size_t position = 0;
  HRESULT failAt = S_OK;  // returned by Next once the list is exhausted, instead of S_FALSE, when set

  HRESULT STDMETHODCALLTYPE Next(ULONG celt, VSS_OBJECT_PROP* items, ULONG* fetched) override {
    *fetched = 0;
    for (ULONG i = 0; i < celt; ++i) {
      if (position == providers.size()) return FAILED(failAt) ? failAt : S_FALSE;
      const Provider& p = providers[position++];
      items[i] = VSS_OBJECT_PROP{};
      items[i].Type = VSS_OBJECT_PROVIDER;
      VSS_PROVIDER_PROP& prop = items[i].Obj.Prov;
      prop.m_ProviderId = p.id;
      prop.m_pwszProviderName = taskString(p.name);
      prop.m_eProviderType = p.type;
      prop.m_pwszProviderVersion = taskString(p.version);
      prop.m_ProviderVersionId = p.versionId;
      prop.m_ClassId = p.classId;
      for (void* text : {static_cast<void*>(prop.m_pwszProviderName), static_cast<void*>(prop.m_pwszProviderVersion)}) {
        if (text != nullptr) handedOut.push_back(text);
      }
      ++*fetched;
    }
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE Skip(ULONG) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE Reset() override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE Clone(IVssEnumObject**) override { return E_NOTIMPL; }
};

struct WriterRow {
  VSS_ID instanceId = GUID_NULL;
  VSS_ID writerId = GUID_NULL;
  std::wstring name;
  VSS_WRITER_STATE state = VSS_WS_STABLE;
  HRESULT failure = S_OK;
};

// IVssBackupComponents, and IVssBackupComponentsEx through QueryInterface while `extended` (every VSS since
// Windows Server 2003 SP1 answers it), IVssBackupComponentsEx2 while `extended2` (Windows Server 2008 / Vista on).
class BackupComponents final : public Unknown<IVssBackupComponentsEx2> {
 public:
  BackupComponents() : Unknown(kIidBackupComponents) {}
  bool extended = true;
  int extendedQueries = 0;
  bool extended2 = true;
  int extended2Queries = 0;

  HRESULT STDMETHODCALLTYPE QueryInterface(REFIID riid, void** object) override {
    if (object != nullptr && IsEqualIID(riid, kIidBackupComponentsEx2)) {
      ++extended2Queries;
      *object = extended2 ? static_cast<IVssBackupComponentsEx2*>(this) : nullptr;
      if (!extended2) return E_NOINTERFACE;
      AddRef();
      return S_OK;
    }
    if (object == nullptr || !IsEqualIID(riid, kIidBackupComponentsEx)) return Unknown::QueryInterface(riid, object);
    ++extendedQueries;
    if (!extended) {
      *object = nullptr;
      return E_NOINTERFACE;
    }
    *object = static_cast<IVssBackupComponentsEx*>(this);
    AddRef();
    return S_OK;
  }
  // What the next asynchronous call (DoSnapshotSet, PrepareForBackup, ...) returns at once, and its IVssAsync.
  HRESULT asyncCallResult = S_OK;
  Async* nextAsync = nullptr;
  HRESULT callResult = S_OK;  // the synchronous calls' result

  // Recorded arguments.
  bool initializedWithNull = false;
  std::wstring initializeXml;
  LONG context = -1;
  bool selectComponents = false, bootable = false, partial = false;
  VSS_BACKUP_TYPE backupType = VSS_BT_UNDEFINED;
  std::vector<VSS_ID> disabledClasses;
  std::vector<VSS_ID> enabledClasses;
  std::vector<VSS_ID> disabledInstances;
  std::wstring volume;
  VSS_ID provider = GUID_NULL;
  bool logicalPathWasNull = false;
  std::wstring logicalPath, componentName;
  bool backupSucceeded = false;
  VSS_ID addedInstance = GUID_NULL, addedWriter = GUID_NULL;
  VSS_COMPONENT_TYPE addedType = VSS_CT_UNDEFINED;
  std::wstring document;       // what SaveAsXML hands out
  std::wstring componentText;  // SetBackupOptions' options, SetPreviousBackupStamp's stamp
  std::vector<WriterComponentsExt*> writerComponents;  // what GetWriterComponents hands out
  VSS_ID deleteSource = GUID_NULL;
  VSS_OBJECT_TYPE deleteType = VSS_OBJECT_UNKNOWN;
  BOOL forceDelete = FALSE;
  std::string lastCall;  // the restore calls: which method ran last
  bool initializedForRestore = false;
  std::wstring restoreXml;  // InitializeForRestore's BSTR, its every unit (SysStringLen)
  VSS_RESTORE_TYPE restoreType = VSS_RTYPE_UNDEFINED;
  bool flag = false;  // SetSelectedForRestore(Ex)'s selected, SetAdditionalRestores' additional, *'s recursive
  VSS_ID restoreInstance = GUID_NULL;  // SetSelectedForRestoreEx's instance
  std::wstring redirectedPath, files, destination;  // AddAlternativeLocationMapping's and AddNewTarget's
  VSS_FILE_RESTORE_STATUS fileRestoreStatus = VSS_RS_UNDEFINED;
  VSS_ID exposedId = GUID_NULL, unexposedId = GUID_NULL;
  bool exposePathWasNull = false, exposeNameWasNull = false;
  std::wstring exposePath, exposeName;
  LONG exposeAttributes = 0;

  // Returned data.
  VSS_ID newId = GUID_NULL;  // StartSnapshotSet / AddToSnapshotSet
  BOOL volumeSupported = TRUE;
  std::vector<WriterRow> writerStatus;
  int writerStatusFailAt = -1;  // GetWriterStatus(i) fails with VSS_E_OBJECT_NOT_FOUND at this index
  int writerStatusCounts = 0, writerStatusFrees = 0;
  std::vector<ExamineWriterMetadata*> writerMetadata;
  std::map<std::wstring, Snapshot> snapshotsById;  // key: the id as text
  EnumObject* queryResult = nullptr;
  ProviderEnum* providerResult = nullptr;  // what Query for VSS_OBJECT_PROVIDER hands out
  LONG deletedCount = 0;
  std::wstring exposedName;               // what ExposeSnapshot hands out
  wchar_t* handedOutExposed = nullptr;    // the string it handed out last (for the test of who frees it)
  VSS_ID nonDeleted = GUID_NULL;

  static std::wstring key(const VSS_ID& id) {
    wchar_t text[40] = {};
    StringFromGUID2(id, text, 40);
    return text;
  }

  HRESULT STDMETHODCALLTYPE GetWriterComponentsCount(UINT* count) override {
    if (FAILED(callResult)) return callResult;
    *count = static_cast<UINT>(writerComponents.size());
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE GetWriterComponents(UINT i, IVssWriterComponentsExt** out) override {
    if (i >= writerComponents.size()) return E_INVALIDARG;
    *out = writerComponents[i]->give();
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE InitializeForBackup(BSTR xml) override {
    initializedWithNull = xml == nullptr;
    if (xml != nullptr) initializeXml.assign(xml, SysStringLen(xml));
    return callResult;
  }
  HRESULT STDMETHODCALLTYPE SetBackupState(VSS4J_PARAM(IVssBackupComponents::SetBackupState, 0) select,
                                           VSS4J_PARAM(IVssBackupComponents::SetBackupState, 1) boot,
                                           VSS_BACKUP_TYPE type,
                                           VSS4J_PARAM(IVssBackupComponents::SetBackupState, 3) partialFiles) override {
    selectComponents = select != 0;
    bootable = boot != 0;
    backupType = type;
    partial = partialFiles != 0;
    return callResult;
  }
  HRESULT STDMETHODCALLTYPE InitializeForRestore(BSTR xml) override {
    lastCall = "InitializeForRestore";
    initializedForRestore = true;
    restoreXml = xml == nullptr ? L"" : std::wstring(xml, SysStringLen(xml));
    return callResult;
  }
  HRESULT STDMETHODCALLTYPE SetRestoreState(VSS_RESTORE_TYPE type) override {
    lastCall = "SetRestoreState";
    restoreType = type;
    return callResult;
  }
  HRESULT STDMETHODCALLTYPE GatherWriterMetadata(IVssAsync** async) override { return startAsync(async); }
  HRESULT STDMETHODCALLTYPE GetWriterMetadataCount(UINT* count) override {
    *count = static_cast<UINT>(writerMetadata.size());
    return callResult;
  }
  HRESULT STDMETHODCALLTYPE GetWriterMetadata(UINT index, VSS_ID* instance,
                                              IVssExamineWriterMetadata** metadata) override {
    if (index >= writerMetadata.size()) return VSS_E_OBJECT_NOT_FOUND;
    *instance = writerMetadata[index]->instanceId;
    *metadata = writerMetadata[index]->give();
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE FreeWriterMetadata() override { return callResult; }
  HRESULT STDMETHODCALLTYPE AddComponent(VSS_ID instance, VSS_ID writer, VSS_COMPONENT_TYPE type, LPCWSTR path,
                                         LPCWSTR name) override {
    addedInstance = instance;
    addedWriter = writer;
    addedType = type;
    logicalPathWasNull = path == nullptr;
    logicalPath = path == nullptr ? L"" : path;
    componentName = name;
    return callResult;
  }
  HRESULT STDMETHODCALLTYPE PrepareForBackup(IVssAsync** async) override { return startAsync(async); }
  HRESULT STDMETHODCALLTYPE AbortBackup() override { return callResult; }
  HRESULT STDMETHODCALLTYPE GatherWriterStatus(IVssAsync** async) override { return startAsync(async); }
  HRESULT STDMETHODCALLTYPE GetWriterStatusCount(UINT* count) override {
    ++writerStatusCounts;
    *count = static_cast<UINT>(writerStatus.size());
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE FreeWriterStatus() override {
    ++writerStatusFrees;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE GetWriterStatus(UINT index, VSS_ID* instance, VSS_ID* writer, BSTR* name,
                                            VSS_WRITER_STATE* state, HRESULT* failure) override {
    if (index >= writerStatus.size() || static_cast<int>(index) == writerStatusFailAt) return VSS_E_OBJECT_NOT_FOUND;
    const WriterRow& row = writerStatus[index];
    *instance = row.instanceId;
    *writer = row.writerId;
    *name = SysAllocString(row.name.c_str());
    *state = row.state;
    *failure = row.failure;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE SetBackupSucceeded(VSS_ID, VSS_ID, VSS_COMPONENT_TYPE, LPCWSTR path, LPCWSTR name,
                                               VSS4J_PARAM(IVssBackupComponents::SetBackupSucceeded, 5) ok) override {
    logicalPathWasNull = path == nullptr;
    logicalPath = path == nullptr ? L"" : path;
    componentName = name;
    backupSucceeded = ok != 0;
    return callResult;
  }
  HRESULT STDMETHODCALLTYPE SetBackupOptions(VSS_ID writer, VSS_COMPONENT_TYPE type, LPCWSTR path, LPCWSTR name,
                                             LPCWSTR options) override {
    return noteText(writer, type, path, name, options);
  }
  HRESULT STDMETHODCALLTYPE SetSelectedForRestore(VSS_ID writer, VSS_COMPONENT_TYPE type, LPCWSTR path, LPCWSTR name,
                                                  VSS4J_PARAM(IVssBackupComponents::SetSelectedForRestore, 4) selected) override {
    return noteFlag("SetSelectedForRestore", writer, type, path, name, selected != 0);
  }
  HRESULT STDMETHODCALLTYPE SetSelectedForRestoreEx(VSS_ID writer, VSS_COMPONENT_TYPE type, LPCWSTR path,
                                                    LPCWSTR name,
                                                    VSS4J_PARAM(IVssBackupComponentsEx::SetSelectedForRestoreEx, 4) selected,
                                                    VSS_ID instance) override {
    restoreInstance = instance;
    return noteFlag("SetSelectedForRestoreEx", writer, type, path, name, selected != 0);
  }
  HRESULT STDMETHODCALLTYPE GetWriterMetadataEx(UINT, VSS_ID*, IVssExamineWriterMetadataEx**) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE SetRestoreOptions(VSS_ID writer, VSS_COMPONENT_TYPE type, LPCWSTR path, LPCWSTR name,
                                              LPCWSTR options) override {
    lastCall = "SetRestoreOptions";
    return noteText(writer, type, path, name, options);
  }
  HRESULT STDMETHODCALLTYPE SetAdditionalRestores(VSS_ID writer, VSS_COMPONENT_TYPE type, LPCWSTR path, LPCWSTR name,
                                                  VSS4J_PARAM(IVssBackupComponents::SetAdditionalRestores, 4) additional) override {
    return noteFlag("SetAdditionalRestores", writer, type, path, name, additional != 0);
  }
  HRESULT STDMETHODCALLTYPE SetPreviousBackupStamp(VSS_ID writer, VSS_COMPONENT_TYPE type, LPCWSTR path,
                                                   LPCWSTR name, LPCWSTR stamp) override {
    return noteText(writer, type, path, name, stamp);
  }
  HRESULT STDMETHODCALLTYPE SaveAsXML(BSTR* xml) override {
    if (FAILED(callResult)) return callResult;
    *xml = giveBstr(document);
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE BackupComplete(IVssAsync** async) override { return startAsync(async); }
  HRESULT STDMETHODCALLTYPE AddAlternativeLocationMapping(
      VSS_ID writer, VSS_COMPONENT_TYPE type, LPCWSTR logical, LPCWSTR name, LPCWSTR from, LPCWSTR spec,
      VSS4J_PARAM(IVssBackupComponents::AddAlternativeLocationMapping, 6) recursive, LPCWSTR to) override {
    return noteRedirect("AddAlternativeLocationMapping", writer, type, logical, name, from, spec, recursive != 0, to);
  }
  HRESULT STDMETHODCALLTYPE AddRestoreSubcomponent(VSS_ID, VSS_COMPONENT_TYPE, LPCWSTR, LPCWSTR, LPCWSTR, LPCWSTR,
                                                   VSS4J_PARAM(IVssBackupComponents::AddRestoreSubcomponent, 6)) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE SetFileRestoreStatus(VSS_ID writer, VSS_COMPONENT_TYPE type, LPCWSTR path, LPCWSTR name,
                                                 VSS_FILE_RESTORE_STATUS status) override {
    lastCall = "SetFileRestoreStatus";
    fileRestoreStatus = status;
    noteComponent(writer, type, path, name);
    return callResult;
  }
  HRESULT STDMETHODCALLTYPE AddNewTarget(VSS_ID writer, VSS_COMPONENT_TYPE type, LPCWSTR logical, LPCWSTR name,
                                         LPCWSTR from, LPCWSTR file,
                                         VSS4J_PARAM(IVssBackupComponents::AddNewTarget, 6) recursive,
                                         LPCWSTR to) override {
    return noteRedirect("AddNewTarget", writer, type, logical, name, from, file, recursive != 0, to);
  }
  HRESULT STDMETHODCALLTYPE SetRangesFilePath(VSS_ID, VSS_COMPONENT_TYPE, LPCWSTR, LPCWSTR, UINT, LPCWSTR) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE PreRestore(IVssAsync** async) override {
    lastCall = "PreRestore";
    return startAsync(async);
  }
  HRESULT STDMETHODCALLTYPE PostRestore(IVssAsync** async) override {
    lastCall = "PostRestore";
    return startAsync(async);
  }
  HRESULT STDMETHODCALLTYPE SetContext(LONG value) override {
    context = value;
    return callResult;
  }
  HRESULT STDMETHODCALLTYPE StartSnapshotSet(VSS_ID* id) override {
    if (SUCCEEDED(callResult)) *id = newId;
    return callResult;
  }
  HRESULT STDMETHODCALLTYPE AddToSnapshotSet(VSS_PWSZ volumeName, VSS_ID providerId, VSS_ID* id) override {
    volume = volumeName;
    provider = providerId;
    if (SUCCEEDED(callResult)) *id = newId;
    return callResult;
  }
  HRESULT STDMETHODCALLTYPE DoSnapshotSet(IVssAsync** async) override { return startAsync(async); }
  HRESULT STDMETHODCALLTYPE DeleteSnapshots(VSS_ID source, VSS_OBJECT_TYPE type, BOOL force, LONG* deleted,
                                            VSS_ID* notDeleted) override {
    deleteSource = source;
    deleteType = type;
    forceDelete = force;
    *deleted = deletedCount;
    *notDeleted = nonDeleted;
    return callResult;
  }
  HRESULT STDMETHODCALLTYPE ImportSnapshots(IVssAsync**) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE BreakSnapshotSet(VSS_ID) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE GetSnapshotProperties(VSS_ID id, VSS_SNAPSHOT_PROP* prop) override {
    auto found = snapshotsById.find(key(id));
    if (found == snapshotsById.end()) return VSS_E_OBJECT_NOT_FOUND;
    fill(*prop, found->second);
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE Query(VSS_ID, VSS_OBJECT_TYPE queried, VSS_OBJECT_TYPE returned,
                                  IVssEnumObject** objects) override {
    // Query's documented arguments: VSS_OBJECT_NONE, and either copies or providers.
    if (queried != VSS_OBJECT_NONE || (returned != VSS_OBJECT_SNAPSHOT && returned != VSS_OBJECT_PROVIDER)) {
      return E_INVALIDARG;
    }
    if (FAILED(callResult)) return callResult;
    if (returned == VSS_OBJECT_PROVIDER) {
      *objects = providerResult == nullptr ? nullptr : providerResult->give();
    } else {
      *objects = queryResult == nullptr ? nullptr : queryResult->give();
    }
    return callResult;
  }
  HRESULT STDMETHODCALLTYPE IsVolumeSupported(VSS_ID providerId, VSS_PWSZ volumeName, BOOL* supported) override {
    provider = providerId;
    volume = volumeName;
    *supported = volumeSupported;
    return callResult;
  }
  HRESULT STDMETHODCALLTYPE DisableWriterClasses(const VSS_ID* ids, UINT count) override {
    disabledClasses.assign(ids, ids + count);
    return callResult;
  }
  HRESULT STDMETHODCALLTYPE EnableWriterClasses(const VSS_ID* ids, UINT count) override {
    enabledClasses.assign(ids, ids + count);
    return callResult;
  }
  HRESULT STDMETHODCALLTYPE DisableWriterInstances(const VSS_ID* ids, UINT count) override {
    disabledInstances.assign(ids, ids + count);
    return callResult;
  }
  // ExposeSnapshot records its arguments (null kept apart from empty) and hands out `exposedName` as VSS does:
  // a CoTaskMemAlloc'd copy the caller frees, NULL on failure.
  HRESULT STDMETHODCALLTYPE ExposeSnapshot(VSS_ID id, VSS_PWSZ pathFromRoot, LONG attributes, VSS_PWSZ expose,
                                           VSS_PWSZ* exposed) override {
    exposedId = id;
    exposePathWasNull = pathFromRoot == nullptr;
    exposePath = pathFromRoot == nullptr ? L"" : pathFromRoot;
    exposeAttributes = attributes;
    exposeNameWasNull = expose == nullptr;
    exposeName = expose == nullptr ? L"" : expose;
    *exposed = nullptr;
    if (FAILED(callResult)) return callResult;
    const std::size_t bytes = (exposedName.size() + 1) * sizeof(wchar_t);
    auto* text = static_cast<wchar_t*>(CoTaskMemAlloc(bytes));
    if (text == nullptr) return E_OUTOFMEMORY;
    std::copy(exposedName.c_str(), exposedName.c_str() + exposedName.size() + 1, text);
    *exposed = text;
    handedOutExposed = text;
    return callResult;
  }
  HRESULT STDMETHODCALLTYPE UnexposeSnapshot(VSS_ID id) override {
    unexposedId = id;
    return callResult;
  }
  HRESULT STDMETHODCALLTYPE SetAuthoritativeRestore(VSS_ID, VSS_COMPONENT_TYPE, LPCWSTR, LPCWSTR, boolean) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE SetRollForward(VSS_ID, VSS_COMPONENT_TYPE, LPCWSTR, LPCWSTR, VSS_ROLLFORWARD_TYPE,
                                           LPCWSTR) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE SetRestoreName(VSS_ID, VSS_COMPONENT_TYPE, LPCWSTR, LPCWSTR, LPCWSTR) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE BreakSnapshotSetEx(VSS_ID, DWORD, IVssAsync**) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE PreFastRecovery(VSS_ID, DWORD, IVssAsync**) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE FastRecovery(VSS_ID, DWORD, IVssAsync**) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE RevertToSnapshot(VSS_ID, BOOL) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE QueryRevertStatus(VSS_PWSZ, IVssAsync**) override { return E_NOTIMPL; }

 private:
  // The component calls record the component alike.
  void noteComponent(VSS_ID writer, VSS_COMPONENT_TYPE type, LPCWSTR path, LPCWSTR name) {
    addedWriter = writer;
    addedType = type;
    logicalPathWasNull = path == nullptr;
    logicalPath = path == nullptr ? L"" : path;
    componentName = name;
  }
  // SetBackupOptions, SetPreviousBackupStamp and SetRestoreOptions: a component and a text.
  HRESULT noteText(VSS_ID writer, VSS_COMPONENT_TYPE type, LPCWSTR path, LPCWSTR name, LPCWSTR text) {
    noteComponent(writer, type, path, name);
    componentText = text;
    return callResult;
  }
  // SetSelectedForRestore(Ex) and SetAdditionalRestores: a component and a flag.
  HRESULT noteFlag(const char* call, VSS_ID writer, VSS_COMPONENT_TYPE type, LPCWSTR path, LPCWSTR name, bool value) {
    lastCall = call;
    noteComponent(writer, type, path, name);
    flag = value;
    return callResult;
  }
  // AddAlternativeLocationMapping and AddNewTarget: a component, its files and where they go.
  HRESULT noteRedirect(const char* call, VSS_ID writer, VSS_COMPONENT_TYPE type, LPCWSTR logical, LPCWSTR name,
                       LPCWSTR from, LPCWSTR spec, bool recursive, LPCWSTR to) {
    lastCall = call;
    noteComponent(writer, type, logical, name);
    redirectedPath = from;
    files = spec;
    flag = recursive;
    destination = to;
    return callResult;
  }
  HRESULT startAsync(IVssAsync** async) {
    *async = nullptr;
    if (FAILED(asyncCallResult)) return asyncCallResult;
    if (nextAsync != nullptr) *async = nextAsync->give();
    return asyncCallResult;
  }
};

#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

}  // namespace vss4j::win::fake
