# Fails unless failsafe's report for one integration test class shows it ran at least -MinTests tests, all passed,
# none skipped; prints the count and what the tests printed (the real-VSS ITs list what they saw).
param(
  [Parameter(Mandatory = $true)][string]$Class,
  [Parameter(Mandatory = $true)][int]$MinTests
)
$ErrorActionPreference = "Stop"
$report = "target/failsafe-reports/TEST-$Class.xml"
if (-not (Test-Path $report)) { throw "$Class did not run" }
[xml]$xml = Get-Content $report
$suite = $xml.testsuite
Write-Output "${Class}: $($suite.tests) tests, $($suite.failures) failures, $($suite.errors) errors, $($suite.skipped) skipped"
$out = "target/failsafe-reports/$Class-output.txt"
if (Test-Path $out) { Get-Content $out } else { $suite.'system-out' }
if ([int]$suite.tests -lt $MinTests -or [int]$suite.skipped -ne 0 -or [int]$suite.failures -ne 0 -or
    [int]$suite.errors -ne 0) {
  throw "$Class did not pass"
}
