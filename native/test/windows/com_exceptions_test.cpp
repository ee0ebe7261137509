// COM's exception handling switched off (windows/com_exceptions.h): against a fake IGlobalOptions, and once against
// Wine's own CLSID_GlobalOptions.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "fake_vss.h"
#include "log_capture.h"
#include "windows/com_exceptions.h"
#include "windows/convert.h"

namespace vss4j::win::test {
namespace {

constexpr IID kIidGlobalOptions = {0x0000015b, 0x0000, 0x0000, {0xc0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46}};

class FakeGlobalOptions final : public fake::Unknown<IGlobalOptions> {
 public:
  FakeGlobalOptions() : Unknown(kIidGlobalOptions) {}
  ULONG_PTR value = COMGLB_EXCEPTION_HANDLE;
  HRESULT queryResult = S_OK;
  HRESULT setResult = S_OK;
  std::vector<std::pair<GLOBALOPT_PROPERTIES, ULONG_PTR>> sets;

  HRESULT STDMETHODCALLTYPE Set(GLOBALOPT_PROPERTIES property, ULONG_PTR newValue) override {
    sets.emplace_back(property, newValue);
    if (SUCCEEDED(setResult) && property == COMGLB_EXCEPTION_HANDLING) value = newValue;
    return setResult;
  }
  HRESULT STDMETHODCALLTYPE Query(GLOBALOPT_PROPERTIES property, ULONG_PTR* answer) override {
    if (FAILED(queryResult)) return queryResult;
    if (property != COMGLB_EXCEPTION_HANDLING) return E_INVALIDARG;
    *answer = value;
    return S_OK;
  }
};

class ComExceptions : public ::testing::Test {
 protected:
  void TearDown() override { EXPECT_EQ(options.refs(), 0); }
  LogCapture captured;
  FakeGlobalOptions options;
};

TEST_F(ComExceptions, COMsDefaultIsTurnedOff) {
  EXPECT_EQ(disableComExceptionHandling(options), S_OK);
  ASSERT_EQ(options.sets.size(), 1u);
  EXPECT_EQ(options.sets[0].first, COMGLB_EXCEPTION_HANDLING);
  EXPECT_EQ(options.sets[0].second, static_cast<ULONG_PTR>(COMGLB_EXCEPTION_DONOT_HANDLE));
}

TEST_F(ComExceptions, AHostsOwnSettingIsLeftAlone) {
  options.value = COMGLB_EXCEPTION_DONOT_HANDLE_ANY;
  EXPECT_EQ(disableComExceptionHandling(options), S_OK);
  EXPECT_TRUE(options.sets.empty());
  EXPECT_EQ(options.value, static_cast<ULONG_PTR>(COMGLB_EXCEPTION_DONOT_HANDLE_ANY));
}

TEST_F(ComExceptions, ASettingThatCannotBeReadIsSetAnyway) {
  options.queryResult = E_NOTIMPL;
  EXPECT_EQ(disableComExceptionHandling(options), S_OK);
  ASSERT_EQ(options.sets.size(), 1u);
  EXPECT_EQ(options.value, static_cast<ULONG_PTR>(COMGLB_EXCEPTION_DONOT_HANDLE));
}

TEST_F(ComExceptions, AFailedSetIsLoggedAndReturnedNotThrown) {
  options.setResult = E_ACCESSDENIED;
  EXPECT_EQ(disableComExceptionHandling(options), E_ACCESSDENIED);
  EXPECT_TRUE(captured.logged(LogLevel::Warn,
                              "COM exception handling could not be turned off (IGlobalOptions::Set failed, 0x80070005)"));
}

// COM's own options object: Wine implements CLSID_GlobalOptions; whatever it answers, the call ends in S_OK or a
// logged failure, and a second call leaves the first one's setting alone when it can be read back.
TEST_F(ComExceptions, COMsOwnOptionsObjectAnswers) {
  HRESULT first = E_FAIL;
  std::thread mta([&] {
    ASSERT_TRUE(SUCCEEDED(CoInitializeEx(nullptr, COINIT_MULTITHREADED)));
    first = disableComExceptionHandling();
    CoUninitialize();
  });
  mta.join();
  std::printf("disableComExceptionHandling under this COM: %s\n", hex(first).c_str());
  if (FAILED(first)) {
    EXPECT_TRUE(captured.logged(LogLevel::Warn, "COM exception handling could not be turned off"));
  } else {
    EXPECT_TRUE(captured.logged(LogLevel::Debug, "COM exception handling"));
  }
}

}  // namespace
}  // namespace vss4j::win::test
