/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AddressInput = {
  address1: string;
  address2?: string | null | undefined;
  city: string;
  countryCode: string;
  firstName: string;
  lastName: string;
  phone?: string | null | undefined;
  postalCode?: string | null | undefined;
};

/** ApprovalRequestStatus is enum for the field status */
export type ApprovalRequestStatus =
  | 'approved'
  | 'canceled'
  | 'expired'
  | 'pending'
  | 'rejected';

/** CompanyApproval is enum for the field approval */
export type CompanyApproval =
  | 'above'
  | 'all'
  | 'none';

/** CompanyPaymentTerms is enum for the field payment_terms */
export type CompanyPaymentTerms =
  | 'net_30'
  | 'pay_now';

/** EmployeeRole is enum for the field role */
export type EmployeeRole =
  | 'buyer'
  | 'company_admin';

/** EmployeeSpendingPeriod is enum for the field spending_period */
export type EmployeeSpendingPeriod =
  | 'day'
  | 'month'
  | 'week';

/** EmployeeStatus is enum for the field status */
export type EmployeeStatus =
  | 'active'
  | 'deactivated';

/** OrderFulfillmentStatus is enum for the field fulfillment_status */
export type OrderFulfillmentStatus =
  | 'delivered'
  | 'fulfilled'
  | 'not_fulfilled'
  | 'shipped';

/** OrderPaymentStatus is enum for the field payment_status */
export type OrderPaymentStatus =
  | 'authorized'
  | 'canceled'
  | 'captured'
  | 'not_paid'
  | 'partially_refunded'
  | 'refunded';

/** OrderStatus is enum for the field status */
export type OrderStatus =
  | 'archived'
  | 'canceled'
  | 'completed'
  | 'pending';

export type RegisterCustomerInput = {
  email: string;
  name?: string | null | undefined;
  password: string;
  /** The store whose tenant the account belongs to; optional when the request names its store. */
  storeId?: string | null | undefined;
};

export type ResolutionStatus =
  | 'ACTIVE'
  | 'INACTIVE'
  | 'MAINTENANCE'
  | 'NOT_FOUND'
  | 'TENANT_INACTIVE'
  | 'TENANT_SUSPENDED';

export type ResolutionStrategy =
  | 'CUSTOM_DOMAIN'
  | 'HINT'
  | 'PATH'
  | 'SUBDOMAIN';

/** StoreStorefrontType is enum for the field storefront_type */
export type StoreStorefrontType =
  | 'b2b'
  | 'marketplace'
  | 'retail'
  | 'services';

export type OrderFeedSubscriptionVariables = Exact<{
  storeId?: string | null | undefined;
}>;


export type OrderFeedSubscription = { orderEvents: { id: string, type: string, occurredAt: string, sequence: number, order: { id: string, displayID: number, email: string | null, total: number, currencyCode: string, paymentStatus: OrderPaymentStatus, fulfillmentStatus: OrderFulfillmentStatus } | null } };

export type CustomerProfileQueryVariables = Exact<{ [key: string]: never; }>;


export type CustomerProfileQuery = { me: { id: string, email: string, name: string, addresses: Array<{ id: string, firstName: string, lastName: string, address1: string, address2: string | null, city: string, postalCode: string | null, countryCode: string, phone: string | null }> | null } | null };

export type BuyerCompanyQueryVariables = Exact<{ [key: string]: never; }>;


export type BuyerCompanyQuery = { me: { id: string } | null, companies: { edges: Array<{ node: { id: string, name: string, currencyCode: string, approval: CompanyApproval, approvalThreshold: number | null, paymentTerms: CompanyPaymentTerms, employees: { edges: Array<{ node: { userID: string, role: EmployeeRole, status: EmployeeStatus, spendingLimit: number | null, spendingPeriod: EmployeeSpendingPeriod | null } | null } | null> | null } } | null } | null> | null } };

export type CartFieldsFragment = { id: string, currencyCode: string, email: string | null, completedAt: string | null, subtotal: number, shippingTotal: number, taxTotal: number, total: number, items: Array<{ id: string, title: string, sku: string, quantity: number, unitPrice: number, total: number, variant: { id: string, title: string, availableQuantity: number, product: { handle: string, title: string, thumbnail: string | null } } }>, shippingAddress: { firstName: string, lastName: string, address1: string, address2: string | null, city: string, postalCode: string | null, countryCode: string, phone: string | null } | null, shippingMethod: { id: string, name: string, amount: number } | null };

export type GetCartQueryVariables = Exact<{
  id: string;
}>;


export type GetCartQuery = { cart: { id: string, currencyCode: string, email: string | null, completedAt: string | null, subtotal: number, shippingTotal: number, taxTotal: number, total: number, items: Array<{ id: string, title: string, sku: string, quantity: number, unitPrice: number, total: number, variant: { id: string, title: string, availableQuantity: number, product: { handle: string, title: string, thumbnail: string | null } } }>, shippingAddress: { firstName: string, lastName: string, address1: string, address2: string | null, city: string, postalCode: string | null, countryCode: string, phone: string | null } | null, shippingMethod: { id: string, name: string, amount: number } | null } | null };

export type AdoptCartMutationVariables = Exact<{
  regionId: string;
}>;


export type AdoptCartMutation = { createCart: { id: string } };

export type CopyLineMutationVariables = Exact<{
  cartId: string;
  variantId: string;
  quantity: number;
}>;


export type CopyLineMutation = { addLineItem: { id: string } };

export type RefreshSessionMutationVariables = Exact<{
  token: string;
}>;


export type RefreshSessionMutation = { refreshToken: { accessToken: string, refreshToken: string, expiresAt: string, user: { email: string, name: string } } };

export type CustomerLoginMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type CustomerLoginMutation = { customerLogin: { accessToken: string, refreshToken: string, expiresAt: string, user: { email: string, name: string } } };

export type RegisterCustomerMutationVariables = Exact<{
  input: RegisterCustomerInput;
}>;


export type RegisterCustomerMutation = { registerCustomer: { accessToken: string, refreshToken: string, expiresAt: string, user: { email: string, name: string } } };

export type CustomerLogoutMutationVariables = Exact<{
  refreshToken?: string | null | undefined;
}>;


export type CustomerLogoutMutation = { logout: boolean };

export type AddCustomerAddressMutationVariables = Exact<{
  input: AddressInput;
}>;


export type AddCustomerAddressMutation = { addCustomerAddress: { id: string } };

export type DeleteCustomerAddressMutationVariables = Exact<{
  id: string;
}>;


export type DeleteCustomerAddressMutation = { deleteCustomerAddress: string };

export type MyApprovalRequestsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyApprovalRequestsQuery = { approvalRequests: { edges: Array<{ node: { id: string, status: ApprovalRequestStatus, reasons: Array<string>, total: number, currencyCode: string, createdAt: string, expiresAt: string, orderID: string | null } | null } | null> | null } };

export type StaffLoginMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type StaffLoginMutation = { login: { accessToken: string, user: { email: string, name: string } } };

export type StaffStoresQueryVariables = Exact<{ [key: string]: never; }>;


export type StaffStoresQuery = { stores: { edges: Array<{ node: { id: string, name: string, handle: string, tenant: { name: string } } | null } | null> | null } };

export type CreateCartMutationVariables = Exact<{
  regionId: string;
}>;


export type CreateCartMutation = { createCart: { id: string } };

export type AddLineMutationVariables = Exact<{
  cartId: string;
  variantId: string;
  quantity: number;
}>;


export type AddLineMutation = { addLineItem: { id: string, currencyCode: string, email: string | null, completedAt: string | null, subtotal: number, shippingTotal: number, taxTotal: number, total: number, items: Array<{ id: string, title: string, sku: string, quantity: number, unitPrice: number, total: number, variant: { id: string, title: string, availableQuantity: number, product: { handle: string, title: string, thumbnail: string | null } } }>, shippingAddress: { firstName: string, lastName: string, address1: string, address2: string | null, city: string, postalCode: string | null, countryCode: string, phone: string | null } | null, shippingMethod: { id: string, name: string, amount: number } | null } };

export type UpdateLineMutationVariables = Exact<{
  cartId: string;
  lineItemId: string;
  quantity: number;
}>;


export type UpdateLineMutation = { updateLineItem: { id: string, currencyCode: string, email: string | null, completedAt: string | null, subtotal: number, shippingTotal: number, taxTotal: number, total: number, items: Array<{ id: string, title: string, sku: string, quantity: number, unitPrice: number, total: number, variant: { id: string, title: string, availableQuantity: number, product: { handle: string, title: string, thumbnail: string | null } } }>, shippingAddress: { firstName: string, lastName: string, address1: string, address2: string | null, city: string, postalCode: string | null, countryCode: string, phone: string | null } | null, shippingMethod: { id: string, name: string, amount: number } | null } };

export type RemoveLineMutationVariables = Exact<{
  cartId: string;
  lineItemId: string;
}>;


export type RemoveLineMutation = { removeLineItem: { id: string, currencyCode: string, email: string | null, completedAt: string | null, subtotal: number, shippingTotal: number, taxTotal: number, total: number, items: Array<{ id: string, title: string, sku: string, quantity: number, unitPrice: number, total: number, variant: { id: string, title: string, availableQuantity: number, product: { handle: string, title: string, thumbnail: string | null } } }>, shippingAddress: { firstName: string, lastName: string, address1: string, address2: string | null, city: string, postalCode: string | null, countryCode: string, phone: string | null } | null, shippingMethod: { id: string, name: string, amount: number } | null } };

export type ProductGridQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
  regionId?: string | null | undefined;
  search?: string | null | undefined;
  tag?: string | null | undefined;
  priceMin?: number | null | undefined;
  priceMax?: number | null | undefined;
}>;


export type ProductGridQuery = { products: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ node: { id: string, handle: string, title: string, subtitle: string, thumbnail: string | null, tags: Array<string> | null, images: Array<{ url: string, alt: string }>, vendor: { name: string } | null, variants: Array<{ id: string, availableQuantity: number, calculatedPrice: { amount: number, currencyCode: string } | null }> | null } | null } | null> | null } };

export type ProductPageQueryVariables = Exact<{
  handle: string;
  regionId?: string | null | undefined;
}>;


export type ProductPageQuery = { productByHandle: { id: string, handle: string, title: string, subtitle: string, description: string, productType: string, material: string, originCountry: string, thumbnail: string | null, tags: Array<string> | null, images: Array<{ url: string, alt: string }>, vendor: { name: string } | null, options: Array<{ id: string, title: string, values: Array<string> }> | null, variants: Array<{ id: string, title: string, sku: string, optionValues: Record<string, string | number | boolean | null> | null, weight: number | null, length: number | null, width: number | null, height: number | null, manageInventory: boolean, allowBackorder: boolean, availableQuantity: number, images: Array<{ url: string, alt: string }>, calculatedPrice: { amount: number, currencyCode: string } | null }> | null } | null };

export type SetDetailsMutationVariables = Exact<{
  cartId: string;
  email: string;
  address: AddressInput;
}>;


export type SetDetailsMutation = { setCartEmail: { id: string }, setShippingAddress: { id: string, currencyCode: string, email: string | null, completedAt: string | null, subtotal: number, shippingTotal: number, taxTotal: number, total: number, items: Array<{ id: string, title: string, sku: string, quantity: number, unitPrice: number, total: number, variant: { id: string, title: string, availableQuantity: number, product: { handle: string, title: string, thumbnail: string | null } } }>, shippingAddress: { firstName: string, lastName: string, address1: string, address2: string | null, city: string, postalCode: string | null, countryCode: string, phone: string | null } | null, shippingMethod: { id: string, name: string, amount: number } | null } };

export type ShippingOptionsQueryVariables = Exact<{
  cartId: string;
}>;


export type ShippingOptionsQuery = { shippingOptions: Array<{ id: string, name: string, amount: number }> };

export type SetShippingMutationVariables = Exact<{
  cartId: string;
  optionId: string;
}>;


export type SetShippingMutation = { setShippingMethod: { id: string, currencyCode: string, email: string | null, completedAt: string | null, subtotal: number, shippingTotal: number, taxTotal: number, total: number, items: Array<{ id: string, title: string, sku: string, quantity: number, unitPrice: number, total: number, variant: { id: string, title: string, availableQuantity: number, product: { handle: string, title: string, thumbnail: string | null } } }>, shippingAddress: { firstName: string, lastName: string, address1: string, address2: string | null, city: string, postalCode: string | null, countryCode: string, phone: string | null } | null, shippingMethod: { id: string, name: string, amount: number } | null } };

export type StoreDirectoryQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type StoreDirectoryQuery = { stores: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, name: string, subdomain: string | null, storefrontType: StoreStorefrontType, themeConfig: { colors: { primary: string | null, secondary: string | null } } | null, tenant: { name: string } } | null } | null> | null } };

export type PayManuallyMutationVariables = Exact<{
  cartId: string;
}>;


export type PayManuallyMutation = { createPaymentSession: { status: string } };

export type PayByCardMutationVariables = Exact<{
  cartId: string;
}>;


export type PayByCardMutation = { createPaymentSession: { clientSecret: string | null, status: string, amount: number, currencyCode: string } };

export type CompleteMutationVariables = Exact<{
  cartId: string;
  key: string;
}>;


export type CompleteMutation = { completeCart: { id: string, displayID: number, status: OrderStatus, paymentStatus: OrderPaymentStatus, total: number, currencyCode: string, email: string | null } };

export type MyOrdersQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type MyOrdersQuery = { me: { id: string, orders: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, displayID: number, createdAt: string, status: OrderStatus, paymentStatus: OrderPaymentStatus, fulfillmentStatus: OrderFulfillmentStatus, total: number, currencyCode: string } | null } | null> | null } } | null };

export type ResolveStoreQueryVariables = Exact<{
  host: string;
  path?: string | null | undefined;
  hint?: string | null | undefined;
}>;


export type ResolveStoreQuery = { resolveStore: { strategy: ResolutionStrategy | null, status: ResolutionStatus, store: { id: string, name: string, handle: string, subdomain: string | null, storefrontType: StoreStorefrontType, themeConfig: { logo: string | null, favicon: string | null, colors: { primary: string | null, secondary: string | null, accent: string | null }, fonts: { heading: string | null, body: string | null } } | null } | null, tenant: { id: string, name: string } | null } };

export type RegionsQueryVariables = Exact<{ [key: string]: never; }>;


export type RegionsQuery = { regions: Array<{ id: string, name: string, currencyCode: string }> };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const CartFieldsFragmentDoc = new TypedDocumentString(`
    fragment CartFields on Cart {
  id
  currencyCode
  email
  completedAt
  items {
    id
    title
    sku
    quantity
    unitPrice
    total
    variant {
      id
      title
      availableQuantity
      product {
        handle
        title
        thumbnail
      }
    }
  }
  shippingAddress {
    firstName
    lastName
    address1
    address2
    city
    postalCode
    countryCode
    phone
  }
  shippingMethod {
    id
    name
    amount
  }
  subtotal
  shippingTotal
  taxTotal
  total
}
    `, {"fragmentName":"CartFields"}) as unknown as TypedDocumentString<CartFieldsFragment, unknown>;
export const OrderFeedDocument = new TypedDocumentString(`
    subscription OrderFeed($storeId: ID) {
  orderEvents(storeId: $storeId) {
    id
    type
    occurredAt
    sequence
    order {
      id
      displayID
      email
      total
      currencyCode
      paymentStatus
      fulfillmentStatus
    }
  }
}
    `) as unknown as TypedDocumentString<OrderFeedSubscription, OrderFeedSubscriptionVariables>;
export const CustomerProfileDocument = new TypedDocumentString(`
    query CustomerProfile {
  me {
    id
    email
    name
    addresses {
      id
      firstName
      lastName
      address1
      address2
      city
      postalCode
      countryCode
      phone
    }
  }
}
    `) as unknown as TypedDocumentString<CustomerProfileQuery, CustomerProfileQueryVariables>;
export const BuyerCompanyDocument = new TypedDocumentString(`
    query BuyerCompany {
  me {
    id
  }
  companies(first: 1) {
    edges {
      node {
        id
        name
        currencyCode
        approval
        approvalThreshold
        paymentTerms
        employees(first: 50) {
          edges {
            node {
              userID
              role
              status
              spendingLimit
              spendingPeriod
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<BuyerCompanyQuery, BuyerCompanyQueryVariables>;
export const GetCartDocument = new TypedDocumentString(`
    query GetCart($id: ID!) {
  cart(id: $id) {
    ...CartFields
  }
}
    fragment CartFields on Cart {
  id
  currencyCode
  email
  completedAt
  items {
    id
    title
    sku
    quantity
    unitPrice
    total
    variant {
      id
      title
      availableQuantity
      product {
        handle
        title
        thumbnail
      }
    }
  }
  shippingAddress {
    firstName
    lastName
    address1
    address2
    city
    postalCode
    countryCode
    phone
  }
  shippingMethod {
    id
    name
    amount
  }
  subtotal
  shippingTotal
  taxTotal
  total
}`) as unknown as TypedDocumentString<GetCartQuery, GetCartQueryVariables>;
export const AdoptCartDocument = new TypedDocumentString(`
    mutation AdoptCart($regionId: ID!) {
  createCart(input: {regionId: $regionId}) {
    id
  }
}
    `) as unknown as TypedDocumentString<AdoptCartMutation, AdoptCartMutationVariables>;
export const CopyLineDocument = new TypedDocumentString(`
    mutation CopyLine($cartId: ID!, $variantId: ID!, $quantity: Int!) {
  addLineItem(cartId: $cartId, variantId: $variantId, quantity: $quantity) {
    id
  }
}
    `) as unknown as TypedDocumentString<CopyLineMutation, CopyLineMutationVariables>;
export const RefreshSessionDocument = new TypedDocumentString(`
    mutation RefreshSession($token: String!) {
  refreshToken(token: $token) {
    accessToken
    refreshToken
    expiresAt
    user {
      email
      name
    }
  }
}
    `) as unknown as TypedDocumentString<RefreshSessionMutation, RefreshSessionMutationVariables>;
export const CustomerLoginDocument = new TypedDocumentString(`
    mutation CustomerLogin($email: String!, $password: String!) {
  customerLogin(email: $email, password: $password) {
    accessToken
    refreshToken
    expiresAt
    user {
      email
      name
    }
  }
}
    `) as unknown as TypedDocumentString<CustomerLoginMutation, CustomerLoginMutationVariables>;
export const RegisterCustomerDocument = new TypedDocumentString(`
    mutation RegisterCustomer($input: RegisterCustomerInput!) {
  registerCustomer(input: $input) {
    accessToken
    refreshToken
    expiresAt
    user {
      email
      name
    }
  }
}
    `) as unknown as TypedDocumentString<RegisterCustomerMutation, RegisterCustomerMutationVariables>;
export const CustomerLogoutDocument = new TypedDocumentString(`
    mutation CustomerLogout($refreshToken: String) {
  logout(refreshToken: $refreshToken)
}
    `) as unknown as TypedDocumentString<CustomerLogoutMutation, CustomerLogoutMutationVariables>;
export const AddCustomerAddressDocument = new TypedDocumentString(`
    mutation AddCustomerAddress($input: AddressInput!) {
  addCustomerAddress(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<AddCustomerAddressMutation, AddCustomerAddressMutationVariables>;
export const DeleteCustomerAddressDocument = new TypedDocumentString(`
    mutation DeleteCustomerAddress($id: ID!) {
  deleteCustomerAddress(id: $id)
}
    `) as unknown as TypedDocumentString<DeleteCustomerAddressMutation, DeleteCustomerAddressMutationVariables>;
export const MyApprovalRequestsDocument = new TypedDocumentString(`
    query MyApprovalRequests {
  approvalRequests(first: 10, orderBy: {field: CREATED_AT, direction: DESC}) {
    edges {
      node {
        id
        status
        reasons
        total
        currencyCode
        createdAt
        expiresAt
        orderID
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MyApprovalRequestsQuery, MyApprovalRequestsQueryVariables>;
export const StaffLoginDocument = new TypedDocumentString(`
    mutation StaffLogin($email: String!, $password: String!) {
  login(email: $email, password: $password) {
    accessToken
    user {
      email
      name
    }
  }
}
    `) as unknown as TypedDocumentString<StaffLoginMutation, StaffLoginMutationVariables>;
export const StaffStoresDocument = new TypedDocumentString(`
    query StaffStores {
  stores(first: 100, orderBy: {field: NAME, direction: ASC}) {
    edges {
      node {
        id
        name
        handle
        tenant {
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<StaffStoresQuery, StaffStoresQueryVariables>;
export const CreateCartDocument = new TypedDocumentString(`
    mutation CreateCart($regionId: ID!) {
  createCart(input: {regionId: $regionId}) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreateCartMutation, CreateCartMutationVariables>;
export const AddLineDocument = new TypedDocumentString(`
    mutation AddLine($cartId: ID!, $variantId: ID!, $quantity: Int!) {
  addLineItem(cartId: $cartId, variantId: $variantId, quantity: $quantity) {
    ...CartFields
  }
}
    fragment CartFields on Cart {
  id
  currencyCode
  email
  completedAt
  items {
    id
    title
    sku
    quantity
    unitPrice
    total
    variant {
      id
      title
      availableQuantity
      product {
        handle
        title
        thumbnail
      }
    }
  }
  shippingAddress {
    firstName
    lastName
    address1
    address2
    city
    postalCode
    countryCode
    phone
  }
  shippingMethod {
    id
    name
    amount
  }
  subtotal
  shippingTotal
  taxTotal
  total
}`) as unknown as TypedDocumentString<AddLineMutation, AddLineMutationVariables>;
export const UpdateLineDocument = new TypedDocumentString(`
    mutation UpdateLine($cartId: ID!, $lineItemId: ID!, $quantity: Int!) {
  updateLineItem(cartId: $cartId, lineItemId: $lineItemId, quantity: $quantity) {
    ...CartFields
  }
}
    fragment CartFields on Cart {
  id
  currencyCode
  email
  completedAt
  items {
    id
    title
    sku
    quantity
    unitPrice
    total
    variant {
      id
      title
      availableQuantity
      product {
        handle
        title
        thumbnail
      }
    }
  }
  shippingAddress {
    firstName
    lastName
    address1
    address2
    city
    postalCode
    countryCode
    phone
  }
  shippingMethod {
    id
    name
    amount
  }
  subtotal
  shippingTotal
  taxTotal
  total
}`) as unknown as TypedDocumentString<UpdateLineMutation, UpdateLineMutationVariables>;
export const RemoveLineDocument = new TypedDocumentString(`
    mutation RemoveLine($cartId: ID!, $lineItemId: ID!) {
  removeLineItem(cartId: $cartId, lineItemId: $lineItemId) {
    ...CartFields
  }
}
    fragment CartFields on Cart {
  id
  currencyCode
  email
  completedAt
  items {
    id
    title
    sku
    quantity
    unitPrice
    total
    variant {
      id
      title
      availableQuantity
      product {
        handle
        title
        thumbnail
      }
    }
  }
  shippingAddress {
    firstName
    lastName
    address1
    address2
    city
    postalCode
    countryCode
    phone
  }
  shippingMethod {
    id
    name
    amount
  }
  subtotal
  shippingTotal
  taxTotal
  total
}`) as unknown as TypedDocumentString<RemoveLineMutation, RemoveLineMutationVariables>;
export const ProductGridDocument = new TypedDocumentString(`
    query ProductGrid($first: Int, $after: Cursor, $last: Int, $before: Cursor, $regionId: ID, $search: String, $tag: String, $priceMin: Int, $priceMax: Int) {
  products(
    first: $first
    after: $after
    last: $last
    before: $before
    regionId: $regionId
    search: $search
    tag: $tag
    priceMin: $priceMin
    priceMax: $priceMax
  ) {
    totalCount
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
    edges {
      node {
        id
        handle
        title
        subtitle
        thumbnail
        images {
          url
          alt
        }
        tags
        vendor {
          name
        }
        variants {
          id
          availableQuantity
          calculatedPrice {
            amount
            currencyCode
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ProductGridQuery, ProductGridQueryVariables>;
export const ProductPageDocument = new TypedDocumentString(`
    query ProductPage($handle: String!, $regionId: ID) {
  productByHandle(handle: $handle, regionId: $regionId) {
    id
    handle
    title
    subtitle
    description
    productType
    material
    originCountry
    thumbnail
    images {
      url
      alt
    }
    tags
    vendor {
      name
    }
    options {
      id
      title
      values
    }
    variants {
      id
      title
      sku
      optionValues
      images {
        url
        alt
      }
      weight
      length
      width
      height
      manageInventory
      allowBackorder
      availableQuantity
      calculatedPrice {
        amount
        currencyCode
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ProductPageQuery, ProductPageQueryVariables>;
export const SetDetailsDocument = new TypedDocumentString(`
    mutation SetDetails($cartId: ID!, $email: String!, $address: AddressInput!) {
  setCartEmail(cartId: $cartId, email: $email) {
    id
  }
  setShippingAddress(cartId: $cartId, input: $address) {
    ...CartFields
  }
}
    fragment CartFields on Cart {
  id
  currencyCode
  email
  completedAt
  items {
    id
    title
    sku
    quantity
    unitPrice
    total
    variant {
      id
      title
      availableQuantity
      product {
        handle
        title
        thumbnail
      }
    }
  }
  shippingAddress {
    firstName
    lastName
    address1
    address2
    city
    postalCode
    countryCode
    phone
  }
  shippingMethod {
    id
    name
    amount
  }
  subtotal
  shippingTotal
  taxTotal
  total
}`) as unknown as TypedDocumentString<SetDetailsMutation, SetDetailsMutationVariables>;
export const ShippingOptionsDocument = new TypedDocumentString(`
    query ShippingOptions($cartId: ID!) {
  shippingOptions(cartId: $cartId) {
    id
    name
    amount
  }
}
    `) as unknown as TypedDocumentString<ShippingOptionsQuery, ShippingOptionsQueryVariables>;
export const SetShippingDocument = new TypedDocumentString(`
    mutation SetShipping($cartId: ID!, $optionId: ID!) {
  setShippingMethod(cartId: $cartId, shippingOptionId: $optionId) {
    ...CartFields
  }
}
    fragment CartFields on Cart {
  id
  currencyCode
  email
  completedAt
  items {
    id
    title
    sku
    quantity
    unitPrice
    total
    variant {
      id
      title
      availableQuantity
      product {
        handle
        title
        thumbnail
      }
    }
  }
  shippingAddress {
    firstName
    lastName
    address1
    address2
    city
    postalCode
    countryCode
    phone
  }
  shippingMethod {
    id
    name
    amount
  }
  subtotal
  shippingTotal
  taxTotal
  total
}`) as unknown as TypedDocumentString<SetShippingMutation, SetShippingMutationVariables>;
export const StoreDirectoryDocument = new TypedDocumentString(`
    query StoreDirectory($after: Cursor) {
  stores(
    first: 48
    after: $after
    where: {status: active}
    orderBy: {field: NAME, direction: ASC}
  ) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        name
        subdomain
        storefrontType
        themeConfig {
          colors {
            primary
            secondary
          }
        }
        tenant {
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<StoreDirectoryQuery, StoreDirectoryQueryVariables>;
export const PayManuallyDocument = new TypedDocumentString(`
    mutation PayManually($cartId: ID!) {
  createPaymentSession(cartId: $cartId, provider: "manual") {
    status
  }
}
    `) as unknown as TypedDocumentString<PayManuallyMutation, PayManuallyMutationVariables>;
export const PayByCardDocument = new TypedDocumentString(`
    mutation PayByCard($cartId: ID!) {
  createPaymentSession(cartId: $cartId, provider: "stripe") {
    clientSecret
    status
    amount
    currencyCode
  }
}
    `) as unknown as TypedDocumentString<PayByCardMutation, PayByCardMutationVariables>;
export const CompleteDocument = new TypedDocumentString(`
    mutation Complete($cartId: ID!, $key: String!) {
  completeCart(cartId: $cartId, idempotencyKey: $key) {
    id
    displayID
    status
    paymentStatus
    total
    currencyCode
    email
  }
}
    `) as unknown as TypedDocumentString<CompleteMutation, CompleteMutationVariables>;
export const MyOrdersDocument = new TypedDocumentString(`
    query MyOrders($first: Int!, $after: Cursor) {
  me {
    id
    orders(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          displayID
          createdAt
          status
          paymentStatus
          fulfillmentStatus
          total
          currencyCode
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MyOrdersQuery, MyOrdersQueryVariables>;
export const ResolveStoreDocument = new TypedDocumentString(`
    query ResolveStore($host: String!, $path: String, $hint: String) {
  resolveStore(host: $host, path: $path, hint: $hint) {
    strategy
    status
    store {
      id
      name
      handle
      subdomain
      storefrontType
      themeConfig {
        colors {
          primary
          secondary
          accent
        }
        fonts {
          heading
          body
        }
        logo
        favicon
      }
    }
    tenant {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<ResolveStoreQuery, ResolveStoreQueryVariables>;
export const RegionsDocument = new TypedDocumentString(`
    query Regions {
  regions {
    id
    name
    currencyCode
  }
}
    `) as unknown as TypedDocumentString<RegionsQuery, RegionsQueryVariables>;