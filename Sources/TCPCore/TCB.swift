/// The transmission control block: the connection state variables of RFC 9293 §3.3.1.
public struct TCB: Hashable, Sendable {
    /// ISS: initial send sequence number (RFC 9293 §3.3.1).
    public var iss: SequenceNumber
    /// IRS: initial receive sequence number; nil until a SYN has been received (RFC 9293 §3.3.1).
    public var irs: SequenceNumber?
    /// SND.UNA: oldest unacknowledged sequence number (RFC 9293 §3.3.1).
    public var sndUna: SequenceNumber
    /// SND.NXT: next sequence number to be sent (RFC 9293 §3.3.1).
    public var sndNxt: SequenceNumber
    /// SND.WND: send window, as the peer advertised it (RFC 9293 §3.3.1).
    public var sndWnd: UInt32
    /// SND.WL1: segment sequence number used for the last window update (RFC 9293 §3.3.1).
    public var sndWl1: SequenceNumber
    /// SND.WL2: segment acknowledgment number used for the last window update (RFC 9293 §3.3.1).
    public var sndWl2: SequenceNumber
    /// RCV.NXT: next sequence number expected on an incoming segment (RFC 9293 §3.3.1); meaningful once IRS is known.
    public var rcvNxt: SequenceNumber
    /// RCV.WND: receive window (RFC 9293 §3.3.1).
    public var rcvWnd: UInt32

    public init(iss: SequenceNumber, receiveWindow: UInt32) {
        self.iss = iss
        self.irs = nil
        self.sndUna = iss
        self.sndNxt = iss
        self.sndWnd = 0
        self.sndWl1 = SequenceNumber(0)
        self.sndWl2 = SequenceNumber(0)
        self.rcvNxt = SequenceNumber(0)
        self.rcvWnd = receiveWindow
    }
}
