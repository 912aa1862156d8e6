import { createContext, useContext } from "react";

/** The CSP nonce of this response (server render only; browsers hide it after load). */
const NonceContext = createContext("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
