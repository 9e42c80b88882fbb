import type { Lang } from '../shop/store.functions'

// The storefront's own words in English and Arabic. Product data is shown as the store
// wrote it; numbers and prices follow the language (Arabic-Indic digits in Arabic).
const ar: Record<string, string> = {
  'All stores': 'كل المتاجر',
  Cart: 'السلة',
  Search: 'بحث',
  Tag: 'الوسم',
  'Min price': 'أدنى سعر',
  'Max price': 'أعلى سعر',
  Filter: 'تصفية',
  Previous: 'السابق',
  Next: 'التالي',
  'Add to cart': 'أضف إلى السلة',
  'Out of stock': 'نفدت الكمية',
  'In stock': 'متوفر',
  'Only {n} left': 'بقي {n} فقط',
  'Sold by {v}': 'يبيعه {v}',
  Quantity: 'الكمية',
  Subtotal: 'المجموع الفرعي',
  Shipping: 'الشحن',
  Tax: 'الضريبة',
  Total: 'الإجمالي',
  Checkout: 'إتمام الشراء',
  'Your cart is empty.': 'سلتك فارغة.',
  Remove: 'إزالة',
  'Place order': 'تأكيد الطلب',
  'Thank you!': 'شكرًا لك!',
  'Order #{n} is placed.': 'تم تسجيل الطلب رقم {n}.',
  '{n} products': '{n} منتجات',
  Language: 'اللغة',
  Region: 'المنطقة',
  'Added to your cart.': 'أضيف إلى سلتك.',
  Continue: 'متابعة',
  Email: 'البريد الإلكتروني',
  'First name': 'الاسم الأول',
  'Last name': 'اسم العائلة',
  Address: 'العنوان',
  City: 'المدينة',
  'Postal code': 'الرمز البريدي',
  Country: 'الدولة',
  Phone: 'الهاتف',
  'Pay on delivery': 'الدفع عند الاستلام',
  Payment: 'الدفع',
  Card: 'بطاقة',
  'Pay and place order': 'ادفع وأكّد الطلب',
  'Continue shopping': 'متابعة التسوق',
}

export function t(lang: Lang, s: string, vars: Record<string, string | number> = {}): string {
  const out = lang === 'ar' ? (ar[s] ?? s) : s
  return out.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''))
}
