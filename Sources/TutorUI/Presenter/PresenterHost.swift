import LessonKit
import TCPCore
import TimelineKit

/// One host on the projector: a box in the host's colour, titled with its name and address, and its TCP
/// state in big letters (or in bold reverse video where big letters do not fit).
struct PresenterHost: Widget {
    var host: HostID
    var address: HostAddress?
    var state: ConnectionState
    var big: Bool
    /// Cells per pixel across for the big letters.
    var scale: Int

    func render(in area: Rect, on canvas: inout Canvas) {
        let ink = Ink.host(host)
        canvas.box(area, ink: ink, title: "\(host.rawValue)  \(address?.description ?? "?")", titleInk: ink)
        let inner = area.inset(by: 1)
        let name = state.description
        if big, BigText.canDraw(name) {
            let width = BigText.width(of: name, scale: scale)
            let top = inner.y + (inner.height - BigText.height) / 2
            BigText(text: name, scale: scale).render(
                in: Rect(x: inner.x + (inner.width - width) / 2, y: top, width: width, height: BigText.height),
                on: &canvas)
        } else {
            let label = " \(name) "
            let x = inner.x + max((inner.width - TextWidth.of(label)) / 2, 0)
            canvas.write(label, x: x, y: inner.y + inner.height / 2, ink: .solid, limit: inner.maxX)
        }
    }
}
