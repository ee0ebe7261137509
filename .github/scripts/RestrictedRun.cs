// Starts a program with a restricted copy of the caller's token: Administrators and Backup Operators deny-only,
// every privilege but SeChangeNotify removed, medium integrity, which is what UAC gives a non-elevated
// administrator. Used by the Windows job of .github/workflows/build.yml (Add-Type -Path); runas /trustlevel was not
// used: it returns before the program ends and shows no output. A restricted copy of the caller's token needs no
// SeAssignPrimaryToken to start a process with.
using System;
using System.ComponentModel;
using System.Runtime.InteropServices;
public static class RestrictedRun {
  [StructLayout(LayoutKind.Sequential)] struct SID_AND_ATTRIBUTES { public IntPtr Sid; public uint Attributes; }
  [StructLayout(LayoutKind.Sequential)] struct TOKEN_MANDATORY_LABEL { public SID_AND_ATTRIBUTES Label; }
  [StructLayout(LayoutKind.Sequential)] struct LUID { public uint Low; public int High; }
  [StructLayout(LayoutKind.Sequential)] struct TOKEN_PRIVILEGES { public uint Count; public LUID Luid; public uint Attributes; }
  [StructLayout(LayoutKind.Sequential, CharSet = CharSet.Unicode)] struct STARTUPINFO {
    public int cb; public string lpReserved; public string lpDesktop; public string lpTitle;
    public int dwX, dwY, dwXSize, dwYSize, dwXCountChars, dwYCountChars, dwFillAttribute, dwFlags;
    public short wShowWindow, cbReserved2; public IntPtr lpReserved2, hStdInput, hStdOutput, hStdError; }
  [StructLayout(LayoutKind.Sequential)] struct PROCESS_INFORMATION { public IntPtr hProcess, hThread; public int pid, tid; }
  [DllImport("advapi32.dll", SetLastError = true)] static extern bool OpenProcessToken(IntPtr process, uint access, out IntPtr token);
  [DllImport("advapi32.dll", SetLastError = true, CharSet = CharSet.Unicode)] static extern bool ConvertStringSidToSid(string text, out IntPtr sid);
  [DllImport("advapi32.dll")] static extern int GetLengthSid(IntPtr sid);
  [DllImport("advapi32.dll", SetLastError = true, CharSet = CharSet.Unicode)] static extern bool LookupPrivilegeValue(string system, string name, out LUID luid);
  [DllImport("advapi32.dll", SetLastError = true)] static extern bool AdjustTokenPrivileges(IntPtr token, bool disableAll, ref TOKEN_PRIVILEGES state, int length, IntPtr previous, IntPtr returned);
  [DllImport("advapi32.dll", SetLastError = true)] static extern bool CreateRestrictedToken(IntPtr existing, uint flags,
    uint disableCount, SID_AND_ATTRIBUTES[] disable, uint deleteCount, IntPtr delete, uint restrictCount, IntPtr restrict, out IntPtr token);
  [DllImport("advapi32.dll", SetLastError = true)] static extern bool SetTokenInformation(IntPtr token, int infoClass, ref TOKEN_MANDATORY_LABEL info, int length);
  [DllImport("advapi32.dll", SetLastError = true, CharSet = CharSet.Unicode)] static extern bool CreateProcessAsUser(IntPtr token, string application,
    string commandLine, IntPtr processAttributes, IntPtr threadAttributes, bool inherit, uint flags, IntPtr environment,
    string directory, ref STARTUPINFO startup, out PROCESS_INFORMATION process);
  [DllImport("kernel32.dll")] static extern IntPtr GetCurrentProcess();
  [DllImport("kernel32.dll")] static extern uint WaitForSingleObject(IntPtr handle, uint milliseconds);
  [DllImport("kernel32.dll")] static extern bool GetExitCodeProcess(IntPtr process, out uint code);
  [DllImport("kernel32.dll")] static extern bool CloseHandle(IntPtr handle);
  static IntPtr Sid(string text) { IntPtr sid; if (!ConvertStringSidToSid(text, out sid)) throw new Win32Exception(); return sid; }
  public static int Run(string commandLine, string directory) {
    IntPtr own;
    if (!OpenProcessToken(GetCurrentProcess(), 0xF01FF, out own)) throw new Win32Exception();
    // CreateProcessAsUser wants SeIncreaseQuotaPrivilege enabled in the caller (an administrator holds it).
    var quota = new TOKEN_PRIVILEGES { Count = 1, Attributes = 2 };
    if (!LookupPrivilegeValue(null, "SeIncreaseQuotaPrivilege", out quota.Luid)) throw new Win32Exception();
    AdjustTokenPrivileges(own, false, ref quota, Marshal.SizeOf(quota), IntPtr.Zero, IntPtr.Zero);
    var deny = new[] { new SID_AND_ATTRIBUTES { Sid = Sid("S-1-5-32-544") }, new SID_AND_ATTRIBUTES { Sid = Sid("S-1-5-32-551") } };
    IntPtr restricted;
    if (!CreateRestrictedToken(own, 1 /* DISABLE_MAX_PRIVILEGE */, 2, deny, 0, IntPtr.Zero, 0, IntPtr.Zero, out restricted))
      throw new Win32Exception();
    IntPtr medium = Sid("S-1-16-8192");
    var label = new TOKEN_MANDATORY_LABEL { Label = new SID_AND_ATTRIBUTES { Sid = medium, Attributes = 0x20 } };
    if (!SetTokenInformation(restricted, 25 /* TokenIntegrityLevel */, ref label, Marshal.SizeOf(label) + GetLengthSid(medium)))
      throw new Win32Exception();
    var startup = new STARTUPINFO(); startup.cb = Marshal.SizeOf(startup);
    PROCESS_INFORMATION process;
    if (!CreateProcessAsUser(restricted, null, commandLine, IntPtr.Zero, IntPtr.Zero, false, 0x08000000 /* CREATE_NO_WINDOW */,
                             IntPtr.Zero, directory, ref startup, out process))
      throw new Win32Exception();
    WaitForSingleObject(process.hProcess, 0xFFFFFFFF);
    uint code; GetExitCodeProcess(process.hProcess, out code);
    CloseHandle(process.hThread); CloseHandle(process.hProcess); CloseHandle(restricted); CloseHandle(own);
    return (int)code;
  }
}
