# lcsdns-check 0.1.0 fix script, made 2026-12-01 12:00:00 UTC
# from zone files: contoso.com.dns
# 17 operations: each wrong record is deleted by its exact data, then the right one added
[CmdletBinding(SupportsShouldProcess)]
param(
    # the internal DNS server
    [string] $ComputerName = $env:COMPUTERNAME,
    # the external DNS server; without it the external operations are skipped
    [string] $ExternalComputerName
)
$ErrorActionPreference = 'Stop'
# internal DNS
# zone contoso.com
# fixes srv-port at _sipinternal._tcp.contoso.com.
if ($PSCmdlet.ShouldProcess('_sipinternal._tcp.contoso.com. SRV 0 0 5061 lcspool.contoso.com.', 'Delete record')) {
    Remove-DnsServerResourceRecord -ComputerName $ComputerName -ZoneName contoso.com -Name _sipinternal._tcp -RRType Srv -RecordData '0 0 5061 lcspool.contoso.com.' -Force
    Write-Output 'deleted _sipinternal._tcp.contoso.com. SRV 0 0 5061 lcspool.contoso.com.'
}
# fixes srv-target-cname at _sip._tcp.contoso.com.
if ($PSCmdlet.ShouldProcess('_sip._tcp.contoso.com. SRV 0 0 5060 sipserver.contoso.com.', 'Delete record')) {
    Remove-DnsServerResourceRecord -ComputerName $ComputerName -ZoneName contoso.com -Name _sip._tcp -RRType Srv -RecordData '0 0 5060 sipserver.contoso.com.' -Force
    Write-Output 'deleted _sip._tcp.contoso.com. SRV 0 0 5060 sipserver.contoso.com.'
}
# fixes pool-vip at lcspool.contoso.com.
if ($PSCmdlet.ShouldProcess('lcspool.contoso.com. A 10.0.0.51', 'Delete record')) {
    Remove-DnsServerResourceRecord -ComputerName $ComputerName -ZoneName contoso.com -Name lcspool -RRType A -RecordData 10.0.0.51 -Force
    Write-Output 'deleted lcspool.contoso.com. A 10.0.0.51'
}
# fixes srv-split, record-misplaced at _sipinternaltls._tcp._tcp.contoso.com.
if ($PSCmdlet.ShouldProcess('_sipinternaltls._tcp._tcp.contoso.com. SRV 0 0 5061 lcspool.contoso.com.', 'Delete record')) {
    Remove-DnsServerResourceRecord -ComputerName $ComputerName -ZoneName contoso.com -Name _sipinternaltls._tcp._tcp -RRType Srv -RecordData '0 0 5061 lcspool.contoso.com.' -Force
    Write-Output 'deleted _sipinternaltls._tcp._tcp.contoso.com. SRV 0 0 5061 lcspool.contoso.com.'
}
# fixes srv-split, record-misplaced at _sipinternaltls._tcp._tcp.contoso.com.
if ($PSCmdlet.ShouldProcess('_sipinternaltls._tcp.contoso.com. SRV 0 0 5061 lcspool.contoso.com.', 'Add record')) {
    Add-DnsServerResourceRecord -Srv -ComputerName $ComputerName -ZoneName contoso.com -Name _sipinternaltls._tcp -DomainName lcspool.contoso.com -Priority 0 -Weight 0 -Port 5061
    Write-Output 'added _sipinternaltls._tcp.contoso.com. SRV 0 0 5061 lcspool.contoso.com.'
}
# fixes srv-port at _sipinternal._tcp.contoso.com.
if ($PSCmdlet.ShouldProcess('_sipinternal._tcp.contoso.com. SRV 0 0 5060 lcspool.contoso.com.', 'Add record')) {
    Add-DnsServerResourceRecord -Srv -ComputerName $ComputerName -ZoneName contoso.com -Name _sipinternal._tcp -DomainName lcspool.contoso.com -Priority 0 -Weight 0 -Port 5060
    Write-Output 'added _sipinternal._tcp.contoso.com. SRV 0 0 5060 lcspool.contoso.com.'
}
# fixes srv-target-cname at _sip._tcp.contoso.com.
if ($PSCmdlet.ShouldProcess('_sip._tcp.contoso.com. SRV 0 0 5060 lcspool.contoso.com.', 'Add record')) {
    Add-DnsServerResourceRecord -Srv -ComputerName $ComputerName -ZoneName contoso.com -Name _sip._tcp -DomainName lcspool.contoso.com -Priority 0 -Weight 0 -Port 5060
    Write-Output 'added _sip._tcp.contoso.com. SRV 0 0 5060 lcspool.contoso.com.'
}
# fixes pool-vip at lcspool.contoso.com.
if ($PSCmdlet.ShouldProcess('lcspool.contoso.com. A 10.0.0.50', 'Add record')) {
    Add-DnsServerResourceRecordA -ComputerName $ComputerName -ZoneName contoso.com -Name lcspool -IPv4Address 10.0.0.50
    Write-Output 'added lcspool.contoso.com. A 10.0.0.50'
}
# zone fabrikam.com
# fixes srv-target-domain at _sipinternaltls._tcp.fabrikam.com.
if ($PSCmdlet.ShouldProcess('_sipinternaltls._tcp.fabrikam.com. SRV 0 0 5061 lcspool.contoso.com.', 'Delete record')) {
    Remove-DnsServerResourceRecord -ComputerName $ComputerName -ZoneName fabrikam.com -Name _sipinternaltls._tcp -RRType Srv -RecordData '0 0 5061 lcspool.contoso.com.' -Force
    Write-Output 'deleted _sipinternaltls._tcp.fabrikam.com. SRV 0 0 5061 lcspool.contoso.com.'
}
# fixes srv-target-domain at _sipinternal._tcp.fabrikam.com.
if ($PSCmdlet.ShouldProcess('_sipinternal._tcp.fabrikam.com. SRV 0 0 5060 lcspool.contoso.com.', 'Delete record')) {
    Remove-DnsServerResourceRecord -ComputerName $ComputerName -ZoneName fabrikam.com -Name _sipinternal._tcp -RRType Srv -RecordData '0 0 5060 lcspool.contoso.com.' -Force
    Write-Output 'deleted _sipinternal._tcp.fabrikam.com. SRV 0 0 5060 lcspool.contoso.com.'
}
# fixes srv-underscore, record-misplaced, srv-target-unresolved at sip._tls.fabrikam.com.
if ($PSCmdlet.ShouldProcess('sip._tls.fabrikam.com. SRV 0 0 5061 sip.fabrikam.com.', 'Delete record')) {
    Remove-DnsServerResourceRecord -ComputerName $ComputerName -ZoneName fabrikam.com -Name sip._tls -RRType Srv -RecordData '0 0 5061 sip.fabrikam.com.' -Force
    Write-Output 'deleted sip._tls.fabrikam.com. SRV 0 0 5061 sip.fabrikam.com.'
}
# fixes srv-target-domain at _sipinternaltls._tcp.fabrikam.com.
if ($PSCmdlet.ShouldProcess('_sipinternaltls._tcp.fabrikam.com. SRV 0 0 5061 sip.fabrikam.com.', 'Add record')) {
    Add-DnsServerResourceRecord -Srv -ComputerName $ComputerName -ZoneName fabrikam.com -Name _sipinternaltls._tcp -DomainName sip.fabrikam.com -Priority 0 -Weight 0 -Port 5061
    Write-Output 'added _sipinternaltls._tcp.fabrikam.com. SRV 0 0 5061 sip.fabrikam.com.'
}
# fixes srv-target-domain at _sipinternal._tcp.fabrikam.com.
if ($PSCmdlet.ShouldProcess('_sipinternal._tcp.fabrikam.com. SRV 0 0 5060 sip.fabrikam.com.', 'Add record')) {
    Add-DnsServerResourceRecord -Srv -ComputerName $ComputerName -ZoneName fabrikam.com -Name _sipinternal._tcp -DomainName sip.fabrikam.com -Priority 0 -Weight 0 -Port 5060
    Write-Output 'added _sipinternal._tcp.fabrikam.com. SRV 0 0 5060 sip.fabrikam.com.'
}
# fixes srv-underscore, record-misplaced, srv-target-unresolved at sip._tls.fabrikam.com.
if ($PSCmdlet.ShouldProcess('_sip._tls.fabrikam.com. SRV 0 0 5061 sip.fabrikam.com.', 'Add record')) {
    Add-DnsServerResourceRecord -Srv -ComputerName $ComputerName -ZoneName fabrikam.com -Name _sip._tls -DomainName sip.fabrikam.com -Priority 0 -Weight 0 -Port 5061
    Write-Output 'added _sip._tls.fabrikam.com. SRV 0 0 5061 sip.fabrikam.com.'
}
# fixes host-per-domain, srv-target-unresolved at sip.fabrikam.com., _sip._tcp.fabrikam.com., sip._tls.fabrikam.com.
if ($PSCmdlet.ShouldProcess('sip.fabrikam.com. A 10.0.0.50', 'Add record')) {
    Add-DnsServerResourceRecordA -ComputerName $ComputerName -ZoneName fabrikam.com -Name sip -IPv4Address 10.0.0.50
    Write-Output 'added sip.fabrikam.com. A 10.0.0.50'
}
# external DNS
# zone contoso.com
# fixes dns-split-view at _sipinternaltls._tcp.contoso.com.
if ($ExternalComputerName -and $PSCmdlet.ShouldProcess('_sipinternaltls._tcp.contoso.com. SRV 0 0 5061 lcspool.contoso.com.', 'Delete record')) {
    Remove-DnsServerResourceRecord -ComputerName $ExternalComputerName -ZoneName contoso.com -Name _sipinternaltls._tcp -RRType Srv -RecordData '0 0 5061 lcspool.contoso.com.' -Force
    Write-Output 'deleted _sipinternaltls._tcp.contoso.com. SRV 0 0 5061 lcspool.contoso.com.'
}
# zone fabrikam.com
# fixes record-missing at _sipfederationtls._tcp.fabrikam.com.
if ($ExternalComputerName -and $PSCmdlet.ShouldProcess('_sipfederationtls._tcp.fabrikam.com. SRV 0 0 5061 sip.fabrikam.com.', 'Add record')) {
    Add-DnsServerResourceRecord -Srv -ComputerName $ExternalComputerName -ZoneName fabrikam.com -Name _sipfederationtls._tcp -DomainName sip.fabrikam.com -Priority 0 -Weight 0 -Port 5061
    Write-Output 'added _sipfederationtls._tcp.fabrikam.com. SRV 0 0 5061 sip.fabrikam.com.'
}
