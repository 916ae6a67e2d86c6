/// The transmission control block: the connection state variables of RFC 9293 §3.3.1.
public struct TCB: Hashable, Sendable {
    /// ISS: initial send sequence number (RFC 9293 §3.3.1).
    public var iss: SequenceNumber
    /// IRS: initial receive sequence number; nil until a SYN has been received (RFC 9293 §3.3.1).
    public var irs: SequenceNumber? {
        @inline(__always) get { irsKnown != 0 ? receivedISN : nil }
        @inline(__always) set {
            receivedISN = newValue ?? SequenceNumber(0)
            irsKnown = newValue == nil ? 0 : 1
        }
    }
    /// IRS is kept as a number and a byte rather than an Optional: a TCB then has no spare bits, so the state enum
    /// that carries it (`Connection`) keeps its case in a byte of its own and hands the TCB over as plain bytes,
    /// which the engine's hot path reads and writes several times per segment.
    private var receivedISN = SequenceNumber(0)
    private var irsKnown: UInt8 = 0
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
        self.sndUna = iss
        self.sndNxt = iss
        self.sndWnd = 0
        self.sndWl1 = SequenceNumber(0)
        self.sndWl2 = SequenceNumber(0)
        self.rcvNxt = SequenceNumber(0)
        self.rcvWnd = receiveWindow
    }
}

extension TCB {
    /// A SYN arrives in LISTEN or SYN-SENT: "RCV.NXT is set to SEG.SEQ+1, IRS is set to SEG.SEQ" (RFC 9293
    /// §3.10.7.2, §3.10.7.3), and the SYN's window is the peer's first word on SND.WND (SND.WL1 <- SEG.SEQ).
    mutating func synchronize(with syn: Segment) {
        irs = syn.seq
        rcvNxt = syn.seq &+ 1
        sndWnd = syn.window
        sndWl1 = syn.seq
    }
}
