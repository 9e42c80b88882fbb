/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  subscription OrderFeed($storeId: ID) {\n    orderEvents(storeId: $storeId) {\n      id\n      type\n      occurredAt\n      sequence\n      order { id displayID email total currencyCode paymentStatus fulfillmentStatus }\n    }\n  }\n": typeof types.OrderFeedDocument,
    "\n  query CustomerProfile {\n    me {\n      id\n      email\n      name\n      addresses { id firstName lastName address1 address2 city postalCode countryCode phone }\n    }\n  }\n": typeof types.CustomerProfileDocument,
    "\n  query BuyerCompany {\n    me { id }\n    companies(first: 1) {\n      edges {\n        node {\n          id\n          name\n          currencyCode\n          approval\n          approvalThreshold\n          paymentTerms\n          employees(first: 50) { edges { node { userID role status spendingLimit spendingPeriod } } }\n        }\n      }\n    }\n  }\n": typeof types.BuyerCompanyDocument,
    "\n  fragment CartFields on Cart {\n    id\n    currencyCode\n    email\n    completedAt\n    items {\n      id\n      title\n      sku\n      quantity\n      unitPrice\n      total\n      variant { id title availableQuantity product { handle title thumbnail } }\n    }\n    shippingAddress { firstName lastName address1 address2 city postalCode countryCode phone }\n    shippingMethod { id name amount }\n    subtotal\n    shippingTotal\n    taxTotal\n    total\n  }\n": typeof types.CartFieldsFragmentDoc,
    "\n  query GetCart($id: ID!) {\n    cart(id: $id) { ...CartFields }\n  }\n": typeof types.GetCartDocument,
    "\n  mutation AdoptCart($regionId: ID!) {\n    createCart(input: { regionId: $regionId }) { id }\n  }\n": typeof types.AdoptCartDocument,
    "\n  mutation CopyLine($cartId: ID!, $variantId: ID!, $quantity: Int!) {\n    addLineItem(cartId: $cartId, variantId: $variantId, quantity: $quantity) { id }\n  }\n": typeof types.CopyLineDocument,
    "\n  mutation RefreshSession($token: String!) {\n    refreshToken(token: $token) { accessToken refreshToken expiresAt user { email name } }\n  }\n": typeof types.RefreshSessionDocument,
    "\n  mutation CustomerLogin($email: String!, $password: String!) {\n    customerLogin(email: $email, password: $password) { accessToken refreshToken expiresAt user { email name } }\n  }\n": typeof types.CustomerLoginDocument,
    "\n  mutation RegisterCustomer($input: RegisterCustomerInput!) {\n    registerCustomer(input: $input) { accessToken refreshToken expiresAt user { email name } }\n  }\n": typeof types.RegisterCustomerDocument,
    "\n  mutation CustomerLogout($refreshToken: String) {\n    logout(refreshToken: $refreshToken)\n  }\n": typeof types.CustomerLogoutDocument,
    "\n  mutation AddCustomerAddress($input: AddressInput!) {\n    addCustomerAddress(input: $input) { id }\n  }\n": typeof types.AddCustomerAddressDocument,
    "\n  mutation DeleteCustomerAddress($id: ID!) {\n    deleteCustomerAddress(id: $id)\n  }\n": typeof types.DeleteCustomerAddressDocument,
    "\n  query MyApprovalRequests {\n    approvalRequests(first: 10, orderBy: { field: CREATED_AT, direction: DESC }) {\n      edges { node { id status reasons total currencyCode createdAt expiresAt orderID } }\n    }\n  }\n": typeof types.MyApprovalRequestsDocument,
    "\n  mutation StaffLogin($email: String!, $password: String!) {\n    login(email: $email, password: $password) { accessToken user { email name } }\n  }\n": typeof types.StaffLoginDocument,
    "\n  query StaffStores {\n    stores(first: 100, orderBy: { field: NAME, direction: ASC }) {\n      edges { node { id name handle tenant { name } } }\n    }\n  }\n": typeof types.StaffStoresDocument,
    "\n  mutation CreateCart($regionId: ID!) {\n    createCart(input: { regionId: $regionId }) { id }\n  }\n": typeof types.CreateCartDocument,
    "\n  mutation AddLine($cartId: ID!, $variantId: ID!, $quantity: Int!) {\n    addLineItem(cartId: $cartId, variantId: $variantId, quantity: $quantity) { ...CartFields }\n  }\n": typeof types.AddLineDocument,
    "\n  mutation UpdateLine($cartId: ID!, $lineItemId: ID!, $quantity: Int!) {\n    updateLineItem(cartId: $cartId, lineItemId: $lineItemId, quantity: $quantity) { ...CartFields }\n  }\n": typeof types.UpdateLineDocument,
    "\n  mutation RemoveLine($cartId: ID!, $lineItemId: ID!) {\n    removeLineItem(cartId: $cartId, lineItemId: $lineItemId) { ...CartFields }\n  }\n": typeof types.RemoveLineDocument,
    "\n  query ProductGrid($first: Int, $after: Cursor, $last: Int, $before: Cursor, $regionId: ID, $search: String, $tag: String, $priceMin: Int, $priceMax: Int) {\n    products(first: $first, after: $after, last: $last, before: $before, regionId: $regionId, search: $search, tag: $tag, priceMin: $priceMin, priceMax: $priceMax) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges {\n        node {\n          id\n          handle\n          title\n          subtitle\n          thumbnail\n          images { url alt }\n          tags\n          vendor { name }\n          variants { id availableQuantity calculatedPrice { amount currencyCode } }\n        }\n      }\n    }\n  }\n": typeof types.ProductGridDocument,
    "\n  query ProductPage($handle: String!, $regionId: ID) {\n    productByHandle(handle: $handle, regionId: $regionId) {\n      id\n      handle\n      title\n      subtitle\n      description\n      productType\n      material\n      originCountry\n      thumbnail\n      images { url alt }\n      tags\n      vendor { name }\n      options { id title values }\n      variants {\n        id\n        title\n        sku\n        optionValues\n        images { url alt }\n        weight\n        length\n        width\n        height\n        manageInventory\n        allowBackorder\n        availableQuantity\n        calculatedPrice { amount currencyCode }\n      }\n    }\n  }\n": typeof types.ProductPageDocument,
    "\n  mutation SetDetails($cartId: ID!, $email: String!, $address: AddressInput!) {\n    setCartEmail(cartId: $cartId, email: $email) { id }\n    setShippingAddress(cartId: $cartId, input: $address) { ...CartFields }\n  }\n": typeof types.SetDetailsDocument,
    "\n  query ShippingOptions($cartId: ID!) {\n    shippingOptions(cartId: $cartId) { id name amount }\n  }\n": typeof types.ShippingOptionsDocument,
    "\n  mutation SetShipping($cartId: ID!, $optionId: ID!) {\n    setShippingMethod(cartId: $cartId, shippingOptionId: $optionId) { ...CartFields }\n  }\n": typeof types.SetShippingDocument,
    "\n  query StoreDirectory($after: Cursor) {\n    stores(first: 48, after: $after, where: { status: active }, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id\n          name\n          subdomain\n          storefrontType\n          themeConfig { colors { primary secondary } }\n          tenant { name }\n        }\n      }\n    }\n  }\n": typeof types.StoreDirectoryDocument,
    "\n  mutation PayManually($cartId: ID!) {\n    createPaymentSession(cartId: $cartId, provider: \"manual\") { status }\n  }\n": typeof types.PayManuallyDocument,
    "\n  mutation PayByCard($cartId: ID!) {\n    createPaymentSession(cartId: $cartId, provider: \"stripe\") { clientSecret status amount currencyCode }\n  }\n": typeof types.PayByCardDocument,
    "\n  mutation Complete($cartId: ID!, $key: String!) {\n    completeCart(cartId: $cartId, idempotencyKey: $key) { id displayID status paymentStatus total currencyCode email }\n  }\n": typeof types.CompleteDocument,
    "\n  query MyOrders($first: Int!, $after: Cursor) {\n    me {\n      id\n      orders(first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { node { id displayID createdAt status paymentStatus fulfillmentStatus total currencyCode } }\n      }\n    }\n  }\n": typeof types.MyOrdersDocument,
    "\n  query ResolveStore($host: String!, $path: String, $hint: String) {\n    resolveStore(host: $host, path: $path, hint: $hint) {\n      strategy\n      status\n      store {\n        id\n        name\n        handle\n        subdomain\n        storefrontType\n        themeConfig { colors { primary secondary accent } fonts { heading body } logo favicon }\n      }\n      tenant { id name }\n    }\n  }\n": typeof types.ResolveStoreDocument,
    "\n  query Regions {\n    regions { id name currencyCode }\n  }\n": typeof types.RegionsDocument,
};
const documents: Documents = {
    "\n  subscription OrderFeed($storeId: ID) {\n    orderEvents(storeId: $storeId) {\n      id\n      type\n      occurredAt\n      sequence\n      order { id displayID email total currencyCode paymentStatus fulfillmentStatus }\n    }\n  }\n": types.OrderFeedDocument,
    "\n  query CustomerProfile {\n    me {\n      id\n      email\n      name\n      addresses { id firstName lastName address1 address2 city postalCode countryCode phone }\n    }\n  }\n": types.CustomerProfileDocument,
    "\n  query BuyerCompany {\n    me { id }\n    companies(first: 1) {\n      edges {\n        node {\n          id\n          name\n          currencyCode\n          approval\n          approvalThreshold\n          paymentTerms\n          employees(first: 50) { edges { node { userID role status spendingLimit spendingPeriod } } }\n        }\n      }\n    }\n  }\n": types.BuyerCompanyDocument,
    "\n  fragment CartFields on Cart {\n    id\n    currencyCode\n    email\n    completedAt\n    items {\n      id\n      title\n      sku\n      quantity\n      unitPrice\n      total\n      variant { id title availableQuantity product { handle title thumbnail } }\n    }\n    shippingAddress { firstName lastName address1 address2 city postalCode countryCode phone }\n    shippingMethod { id name amount }\n    subtotal\n    shippingTotal\n    taxTotal\n    total\n  }\n": types.CartFieldsFragmentDoc,
    "\n  query GetCart($id: ID!) {\n    cart(id: $id) { ...CartFields }\n  }\n": types.GetCartDocument,
    "\n  mutation AdoptCart($regionId: ID!) {\n    createCart(input: { regionId: $regionId }) { id }\n  }\n": types.AdoptCartDocument,
    "\n  mutation CopyLine($cartId: ID!, $variantId: ID!, $quantity: Int!) {\n    addLineItem(cartId: $cartId, variantId: $variantId, quantity: $quantity) { id }\n  }\n": types.CopyLineDocument,
    "\n  mutation RefreshSession($token: String!) {\n    refreshToken(token: $token) { accessToken refreshToken expiresAt user { email name } }\n  }\n": types.RefreshSessionDocument,
    "\n  mutation CustomerLogin($email: String!, $password: String!) {\n    customerLogin(email: $email, password: $password) { accessToken refreshToken expiresAt user { email name } }\n  }\n": types.CustomerLoginDocument,
    "\n  mutation RegisterCustomer($input: RegisterCustomerInput!) {\n    registerCustomer(input: $input) { accessToken refreshToken expiresAt user { email name } }\n  }\n": types.RegisterCustomerDocument,
    "\n  mutation CustomerLogout($refreshToken: String) {\n    logout(refreshToken: $refreshToken)\n  }\n": types.CustomerLogoutDocument,
    "\n  mutation AddCustomerAddress($input: AddressInput!) {\n    addCustomerAddress(input: $input) { id }\n  }\n": types.AddCustomerAddressDocument,
    "\n  mutation DeleteCustomerAddress($id: ID!) {\n    deleteCustomerAddress(id: $id)\n  }\n": types.DeleteCustomerAddressDocument,
    "\n  query MyApprovalRequests {\n    approvalRequests(first: 10, orderBy: { field: CREATED_AT, direction: DESC }) {\n      edges { node { id status reasons total currencyCode createdAt expiresAt orderID } }\n    }\n  }\n": types.MyApprovalRequestsDocument,
    "\n  mutation StaffLogin($email: String!, $password: String!) {\n    login(email: $email, password: $password) { accessToken user { email name } }\n  }\n": types.StaffLoginDocument,
    "\n  query StaffStores {\n    stores(first: 100, orderBy: { field: NAME, direction: ASC }) {\n      edges { node { id name handle tenant { name } } }\n    }\n  }\n": types.StaffStoresDocument,
    "\n  mutation CreateCart($regionId: ID!) {\n    createCart(input: { regionId: $regionId }) { id }\n  }\n": types.CreateCartDocument,
    "\n  mutation AddLine($cartId: ID!, $variantId: ID!, $quantity: Int!) {\n    addLineItem(cartId: $cartId, variantId: $variantId, quantity: $quantity) { ...CartFields }\n  }\n": types.AddLineDocument,
    "\n  mutation UpdateLine($cartId: ID!, $lineItemId: ID!, $quantity: Int!) {\n    updateLineItem(cartId: $cartId, lineItemId: $lineItemId, quantity: $quantity) { ...CartFields }\n  }\n": types.UpdateLineDocument,
    "\n  mutation RemoveLine($cartId: ID!, $lineItemId: ID!) {\n    removeLineItem(cartId: $cartId, lineItemId: $lineItemId) { ...CartFields }\n  }\n": types.RemoveLineDocument,
    "\n  query ProductGrid($first: Int, $after: Cursor, $last: Int, $before: Cursor, $regionId: ID, $search: String, $tag: String, $priceMin: Int, $priceMax: Int) {\n    products(first: $first, after: $after, last: $last, before: $before, regionId: $regionId, search: $search, tag: $tag, priceMin: $priceMin, priceMax: $priceMax) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges {\n        node {\n          id\n          handle\n          title\n          subtitle\n          thumbnail\n          images { url alt }\n          tags\n          vendor { name }\n          variants { id availableQuantity calculatedPrice { amount currencyCode } }\n        }\n      }\n    }\n  }\n": types.ProductGridDocument,
    "\n  query ProductPage($handle: String!, $regionId: ID) {\n    productByHandle(handle: $handle, regionId: $regionId) {\n      id\n      handle\n      title\n      subtitle\n      description\n      productType\n      material\n      originCountry\n      thumbnail\n      images { url alt }\n      tags\n      vendor { name }\n      options { id title values }\n      variants {\n        id\n        title\n        sku\n        optionValues\n        images { url alt }\n        weight\n        length\n        width\n        height\n        manageInventory\n        allowBackorder\n        availableQuantity\n        calculatedPrice { amount currencyCode }\n      }\n    }\n  }\n": types.ProductPageDocument,
    "\n  mutation SetDetails($cartId: ID!, $email: String!, $address: AddressInput!) {\n    setCartEmail(cartId: $cartId, email: $email) { id }\n    setShippingAddress(cartId: $cartId, input: $address) { ...CartFields }\n  }\n": types.SetDetailsDocument,
    "\n  query ShippingOptions($cartId: ID!) {\n    shippingOptions(cartId: $cartId) { id name amount }\n  }\n": types.ShippingOptionsDocument,
    "\n  mutation SetShipping($cartId: ID!, $optionId: ID!) {\n    setShippingMethod(cartId: $cartId, shippingOptionId: $optionId) { ...CartFields }\n  }\n": types.SetShippingDocument,
    "\n  query StoreDirectory($after: Cursor) {\n    stores(first: 48, after: $after, where: { status: active }, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id\n          name\n          subdomain\n          storefrontType\n          themeConfig { colors { primary secondary } }\n          tenant { name }\n        }\n      }\n    }\n  }\n": types.StoreDirectoryDocument,
    "\n  mutation PayManually($cartId: ID!) {\n    createPaymentSession(cartId: $cartId, provider: \"manual\") { status }\n  }\n": types.PayManuallyDocument,
    "\n  mutation PayByCard($cartId: ID!) {\n    createPaymentSession(cartId: $cartId, provider: \"stripe\") { clientSecret status amount currencyCode }\n  }\n": types.PayByCardDocument,
    "\n  mutation Complete($cartId: ID!, $key: String!) {\n    completeCart(cartId: $cartId, idempotencyKey: $key) { id displayID status paymentStatus total currencyCode email }\n  }\n": types.CompleteDocument,
    "\n  query MyOrders($first: Int!, $after: Cursor) {\n    me {\n      id\n      orders(first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { node { id displayID createdAt status paymentStatus fulfillmentStatus total currencyCode } }\n      }\n    }\n  }\n": types.MyOrdersDocument,
    "\n  query ResolveStore($host: String!, $path: String, $hint: String) {\n    resolveStore(host: $host, path: $path, hint: $hint) {\n      strategy\n      status\n      store {\n        id\n        name\n        handle\n        subdomain\n        storefrontType\n        themeConfig { colors { primary secondary accent } fonts { heading body } logo favicon }\n      }\n      tenant { id name }\n    }\n  }\n": types.ResolveStoreDocument,
    "\n  query Regions {\n    regions { id name currencyCode }\n  }\n": types.RegionsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription OrderFeed($storeId: ID) {\n    orderEvents(storeId: $storeId) {\n      id\n      type\n      occurredAt\n      sequence\n      order { id displayID email total currencyCode paymentStatus fulfillmentStatus }\n    }\n  }\n"): typeof import('./graphql').OrderFeedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerProfile {\n    me {\n      id\n      email\n      name\n      addresses { id firstName lastName address1 address2 city postalCode countryCode phone }\n    }\n  }\n"): typeof import('./graphql').CustomerProfileDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BuyerCompany {\n    me { id }\n    companies(first: 1) {\n      edges {\n        node {\n          id\n          name\n          currencyCode\n          approval\n          approvalThreshold\n          paymentTerms\n          employees(first: 50) { edges { node { userID role status spendingLimit spendingPeriod } } }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').BuyerCompanyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CartFields on Cart {\n    id\n    currencyCode\n    email\n    completedAt\n    items {\n      id\n      title\n      sku\n      quantity\n      unitPrice\n      total\n      variant { id title availableQuantity product { handle title thumbnail } }\n    }\n    shippingAddress { firstName lastName address1 address2 city postalCode countryCode phone }\n    shippingMethod { id name amount }\n    subtotal\n    shippingTotal\n    taxTotal\n    total\n  }\n"): typeof import('./graphql').CartFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetCart($id: ID!) {\n    cart(id: $id) { ...CartFields }\n  }\n"): typeof import('./graphql').GetCartDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdoptCart($regionId: ID!) {\n    createCart(input: { regionId: $regionId }) { id }\n  }\n"): typeof import('./graphql').AdoptCartDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CopyLine($cartId: ID!, $variantId: ID!, $quantity: Int!) {\n    addLineItem(cartId: $cartId, variantId: $variantId, quantity: $quantity) { id }\n  }\n"): typeof import('./graphql').CopyLineDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshSession($token: String!) {\n    refreshToken(token: $token) { accessToken refreshToken expiresAt user { email name } }\n  }\n"): typeof import('./graphql').RefreshSessionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CustomerLogin($email: String!, $password: String!) {\n    customerLogin(email: $email, password: $password) { accessToken refreshToken expiresAt user { email name } }\n  }\n"): typeof import('./graphql').CustomerLoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterCustomer($input: RegisterCustomerInput!) {\n    registerCustomer(input: $input) { accessToken refreshToken expiresAt user { email name } }\n  }\n"): typeof import('./graphql').RegisterCustomerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CustomerLogout($refreshToken: String) {\n    logout(refreshToken: $refreshToken)\n  }\n"): typeof import('./graphql').CustomerLogoutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddCustomerAddress($input: AddressInput!) {\n    addCustomerAddress(input: $input) { id }\n  }\n"): typeof import('./graphql').AddCustomerAddressDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteCustomerAddress($id: ID!) {\n    deleteCustomerAddress(id: $id)\n  }\n"): typeof import('./graphql').DeleteCustomerAddressDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyApprovalRequests {\n    approvalRequests(first: 10, orderBy: { field: CREATED_AT, direction: DESC }) {\n      edges { node { id status reasons total currencyCode createdAt expiresAt orderID } }\n    }\n  }\n"): typeof import('./graphql').MyApprovalRequestsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StaffLogin($email: String!, $password: String!) {\n    login(email: $email, password: $password) { accessToken user { email name } }\n  }\n"): typeof import('./graphql').StaffLoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StaffStores {\n    stores(first: 100, orderBy: { field: NAME, direction: ASC }) {\n      edges { node { id name handle tenant { name } } }\n    }\n  }\n"): typeof import('./graphql').StaffStoresDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCart($regionId: ID!) {\n    createCart(input: { regionId: $regionId }) { id }\n  }\n"): typeof import('./graphql').CreateCartDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddLine($cartId: ID!, $variantId: ID!, $quantity: Int!) {\n    addLineItem(cartId: $cartId, variantId: $variantId, quantity: $quantity) { ...CartFields }\n  }\n"): typeof import('./graphql').AddLineDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateLine($cartId: ID!, $lineItemId: ID!, $quantity: Int!) {\n    updateLineItem(cartId: $cartId, lineItemId: $lineItemId, quantity: $quantity) { ...CartFields }\n  }\n"): typeof import('./graphql').UpdateLineDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveLine($cartId: ID!, $lineItemId: ID!) {\n    removeLineItem(cartId: $cartId, lineItemId: $lineItemId) { ...CartFields }\n  }\n"): typeof import('./graphql').RemoveLineDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProductGrid($first: Int, $after: Cursor, $last: Int, $before: Cursor, $regionId: ID, $search: String, $tag: String, $priceMin: Int, $priceMax: Int) {\n    products(first: $first, after: $after, last: $last, before: $before, regionId: $regionId, search: $search, tag: $tag, priceMin: $priceMin, priceMax: $priceMax) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges {\n        node {\n          id\n          handle\n          title\n          subtitle\n          thumbnail\n          images { url alt }\n          tags\n          vendor { name }\n          variants { id availableQuantity calculatedPrice { amount currencyCode } }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ProductGridDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProductPage($handle: String!, $regionId: ID) {\n    productByHandle(handle: $handle, regionId: $regionId) {\n      id\n      handle\n      title\n      subtitle\n      description\n      productType\n      material\n      originCountry\n      thumbnail\n      images { url alt }\n      tags\n      vendor { name }\n      options { id title values }\n      variants {\n        id\n        title\n        sku\n        optionValues\n        images { url alt }\n        weight\n        length\n        width\n        height\n        manageInventory\n        allowBackorder\n        availableQuantity\n        calculatedPrice { amount currencyCode }\n      }\n    }\n  }\n"): typeof import('./graphql').ProductPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetDetails($cartId: ID!, $email: String!, $address: AddressInput!) {\n    setCartEmail(cartId: $cartId, email: $email) { id }\n    setShippingAddress(cartId: $cartId, input: $address) { ...CartFields }\n  }\n"): typeof import('./graphql').SetDetailsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ShippingOptions($cartId: ID!) {\n    shippingOptions(cartId: $cartId) { id name amount }\n  }\n"): typeof import('./graphql').ShippingOptionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetShipping($cartId: ID!, $optionId: ID!) {\n    setShippingMethod(cartId: $cartId, shippingOptionId: $optionId) { ...CartFields }\n  }\n"): typeof import('./graphql').SetShippingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StoreDirectory($after: Cursor) {\n    stores(first: 48, after: $after, where: { status: active }, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id\n          name\n          subdomain\n          storefrontType\n          themeConfig { colors { primary secondary } }\n          tenant { name }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').StoreDirectoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PayManually($cartId: ID!) {\n    createPaymentSession(cartId: $cartId, provider: \"manual\") { status }\n  }\n"): typeof import('./graphql').PayManuallyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PayByCard($cartId: ID!) {\n    createPaymentSession(cartId: $cartId, provider: \"stripe\") { clientSecret status amount currencyCode }\n  }\n"): typeof import('./graphql').PayByCardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Complete($cartId: ID!, $key: String!) {\n    completeCart(cartId: $cartId, idempotencyKey: $key) { id displayID status paymentStatus total currencyCode email }\n  }\n"): typeof import('./graphql').CompleteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyOrders($first: Int!, $after: Cursor) {\n    me {\n      id\n      orders(first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { node { id displayID createdAt status paymentStatus fulfillmentStatus total currencyCode } }\n      }\n    }\n  }\n"): typeof import('./graphql').MyOrdersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ResolveStore($host: String!, $path: String, $hint: String) {\n    resolveStore(host: $host, path: $path, hint: $hint) {\n      strategy\n      status\n      store {\n        id\n        name\n        handle\n        subdomain\n        storefrontType\n        themeConfig { colors { primary secondary accent } fonts { heading body } logo favicon }\n      }\n      tenant { id name }\n    }\n  }\n"): typeof import('./graphql').ResolveStoreDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Regions {\n    regions { id name currencyCode }\n  }\n"): typeof import('./graphql').RegionsDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
