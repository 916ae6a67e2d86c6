import LessonKit
import TCPCore
import TimelineKit

/// One host: its address and port, its TCP state, and on demand its TCB.
struct HostBox: Widget {
    var host: HostID
    var address: HostAddress?
    var snapshot: HostSnapshot?
    var showsTCB: Bool
    /// Subtracted from send-side numbers (ISS, SND.UNA, SND.NXT): this host's ISN in relative mode.
    var sendBase: SequenceNumber
    /// Subtracted from receive-side numbers (IRS, RCV.NXT): the peer's ISN in relative mode.
    var receiveBase: SequenceNumber
    var strings: Strings

    /// Rows the box takes.
    static func height(showsTCB: Bool) -> Int { showsTCB ? 9 : 4 }

    func render(in area: Rect, on canvas: inout Canvas) {
        let ink = Ink.host(host)
        canvas.box(area, ink: ink, title: host.rawValue, titleInk: ink)
        let inner = area.inset(by: 1)
        let left = inner.x + 1
        let addressText = AddressFit.fit(address?.description ?? "?", port: address?.port, width: inner.maxX - left)
        canvas.write(addressText, x: left, y: inner.y, limit: inner.maxX)
        if let snapshot {
            canvas.write(snapshot.state.description, x: left, y: inner.y + 1, ink: .strong, limit: inner.maxX)
        }
        guard showsTCB, inner.height >= 7 else { return }
        let rows: [(String, String)]
        if let tcb = snapshot?.tcb {
            // A listener picks its ISS only when a SYN arrives (RFC 9293 §3.10.7.2): until then there is none to
            // show, and showing the one it will pick would answer a question about its SYN+ACK.
            let send = { (value: SequenceNumber) in snapshot?.state == .listen ? "-" : number(value, sendBase) }
            rows = [
                ("ISS", send(tcb.iss)),
                ("IRS", tcb.irs.map { number($0, receiveBase) } ?? "-"),
                ("SND.UNA", send(tcb.sndUna)),
                ("SND.NXT", send(tcb.sndNxt)),
                ("RCV.NXT", tcb.irs == nil ? "-" : number(tcb.rcvNxt, receiveBase)),
            ]
        } else {
            rows = [(strings.noTCB, "")]
        }
        for (offset, row) in rows.enumerated() {
            let y = inner.y + 2 + offset
            canvas.write(row.0, x: left, y: y, ink: .dim, limit: inner.maxX)
            canvas.write(row.1, x: left + 8, y: y, limit: inner.maxX)
        }
    }

    private func number(_ value: SequenceNumber, _ base: SequenceNumber) -> String {
        String(value.offset(from: base))
    }
}
