/**
 * K7/P3: the demo payment page the order's QR code points to, in the style of 教育部考试中心网上支付平台.
 * A phone opens it without any device token: GET shows the order, POST (确认支付) pays it.
 * Plain HTML, no script, readable on a phone.
 */
import { formatBeijingMinute } from '../src-shared/domain/booking-rules'
import { PAY_PAGE_PREFIX } from '../src-shared/central/contract'
import type { Order } from '../src-shared/schemas'
import type { BookingStore } from './booking-store'
import type { OrderStore } from './order-store'
import type { ReceivePayment } from './payment'
import type { HttpReply } from './reply'

const PAGE_TITLE = '教育部考试中心网上支付平台'

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** "0.1元人民币", as the seed prints it. */
export function formatYuan(cents: number): string {
  return `${String(Number((cents / 100).toFixed(2)))}元人民币`
}

function page(status: number, body: string): HttpReply {
  const html = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${PAGE_TITLE}</title>
<style>
body{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:0;background:#f4f6f9;color:#1d2733}
header{background:#1c4f8c;color:#fff;padding:14px 18px;font-size:1.25rem;font-weight:600}
main{max-width:560px;margin:16px auto;padding:0 12px}
section{background:#fff;border:1px solid #d5dbe3;border-radius:6px;padding:14px 16px;margin-bottom:14px}
h1{font-size:1.05rem;margin:0 0 10px}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:7px 6px;border-bottom:1px solid #e4e8ee;vertical-align:top}
th{width:7em;color:#4a5868;font-weight:500}td{word-break:break-all}
button{font-size:1.1rem;padding:12px 28px;background:#d4380d;color:#fff;border:0;border-radius:4px;cursor:pointer;width:100%}
button:focus-visible{outline:3px solid #1c4f8c;outline-offset:2px}
.notice{font-size:1.05rem;font-weight:600;margin:0}.ok{color:#237804}.bad{color:#a8071a}
</style></head>
<body><header>${PAGE_TITLE}</header><main>${body}</main></body></html>`
  return {
    status,
    body: html,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
      'x-frame-options': 'DENY',
    },
  }
}

function orderTable(order: Order, candidateName: string): string {
  return `<section aria-labelledby="pay-info"><h1 id="pay-info">支付信息 &gt;</h1><table>
<tr><th scope="row">支付用途</th><td>${escapeHtml(order.purpose)}</td></tr>
<tr><th scope="row">支付来源</th><td>大学英语四六级考试</td></tr>
<tr><th scope="row">考生姓名</th><td>${escapeHtml(candidateName)}</td></tr>
<tr><th scope="row">支付金额</th><td>${formatYuan(order.amountCents)}</td></tr>
<tr><th scope="row">NEEA ID</th><td>${order.orderNo}</td></tr>
<tr><th scope="row">有效期至</th><td>${formatBeijingMinute(order.expiresAt)}</td></tr>
</table></section>`
}

function notice(kind: 'ok' | 'bad', text: string): string {
  return `<section role="status"><p class="notice ${kind}">${escapeHtml(text)}</p></section>`
}

const NOT_FOUND = () => page(404, notice('bad', '没有找到这个支付订单，请重新扫描报名系统上的二维码。'))

export interface PayPage {
  /** Handles GET/POST under /pay/; undefined when the path is not the payment page's. */
  handle(method: string, pathname: string, now: Date): HttpReply | undefined
}

export function payPage(bookings: BookingStore, orders: OrderStore, receivePayment: ReceivePayment): PayPage {
  const nameOf = (order: Order) => bookings.candidateById(order.candidateId)?.name ?? ''

  function show(order: Order, now: Date): HttpReply {
    const table = orderTable(order, nameOf(order))
    switch (order.status) {
      case 'paid':
        return page(200, table + notice('ok', '该订单已支付。请返回报名系统，确认支付状态为“已支付”。'))
      case 'refund_required':
        return page(200, table + notice('bad', `该订单已收到付款，但${order.refundReason ?? '无法计入报考科目'}`))
      case 'closed':
        return page(410, table + notice('bad', '该订单已失效，请在报名系统中重新发起支付。'))
      case 'pending':
        if (order.expiresAt <= now.toISOString())
          return page(410, table + notice('bad', '该订单已过期，请在报名系统中重新发起支付。'))
        return page(
          200,
          `${table}<section aria-labelledby="pay-way"><h1 id="pay-way">选择支付方式 &gt;</h1>
<p>演示支付：点击“确认支付”即完成付款，不会产生真实扣款。</p>
<form method="post" action="${PAY_PAGE_PREFIX}/${order.orderNo}"><button type="submit">确认支付</button></form></section>`,
        )
    }
  }

  return {
    handle(method, pathname, now) {
      const match = new RegExp(`^${PAY_PAGE_PREFIX}/([0-9A-F]{32})$`).exec(pathname)
      if (!pathname.startsWith(`${PAY_PAGE_PREFIX}/`)) return undefined
      if (!match?.[1]) return NOT_FOUND()
      const orderNo = match[1]
      if (method === 'GET') {
        const order = orders.order(orderNo)
        return order ? show(order, now) : NOT_FOUND()
      }
      if (method !== 'POST') return page(405, notice('bad', '不支持的请求方式。'))
      const outcome = receivePayment(orderNo, now)
      switch (outcome.kind) {
        case 'not-found':
          return NOT_FOUND()
        case 'already-paid':
          return page(409, orderTable(outcome.order, nameOf(outcome.order)) + notice('bad', '该订单已支付，请勿重复支付。'))
        case 'closed':
          return show(outcome.order, now)
        case 'paid':
          return page(
            200,
            orderTable(outcome.order, nameOf(outcome.order)) +
              notice('ok', '支付成功！请返回报名系统，确认支付状态为“已支付”，并注意查收电子邮件通知。'),
          )
        case 'refund-required':
          return page(
            200,
            orderTable(outcome.order, nameOf(outcome.order)) +
              notice('bad', `已收到付款，但${outcome.order.refundReason ?? ''}请联系报名点工作人员办理退款。`),
          )
      }
    },
  }
}
