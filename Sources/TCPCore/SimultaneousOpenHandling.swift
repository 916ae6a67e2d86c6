/// What a host in SYN_RECEIVED, reached by a simultaneous open, does with the peer's crossing SYN-ACK.
///
/// RFC 9293 disagrees with itself here (TEACHING.md rule 7): its Figure 7 (§3.5) draws four segments, each side
/// ESTABLISHED on the other's SYN-ACK, while its event rules (§3.10.7.4, first check) find that SYN-ACK
/// unacceptable, because the SYN it carries lies below RCV.NXT, and answer it with an ACK: six segments.
public enum SimultaneousOpenHandling: String, Hashable, Sendable, CaseIterable {
    /// §3.10.7.4 as written: the SYN-ACK is unacceptable and answered with an ACK; ESTABLISHED on that ACK.
    /// Linux from 3.6 until 6.11 also sends six segments (its answer is an RFC 5961 challenge ACK).
    case rfcRules = "rfc-rules"
    /// §3.5 Figure 7: the SYN-ACK that acknowledges our SYN completes the open and nothing is sent back.
    /// BSD as Stevens shows it; Linux 6.11 and later also become ESTABLISHED on it.
    case rfcFigure = "rfc-figure"
}
