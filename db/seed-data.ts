// Raw material for the demo seed (db/seed.ts): realistic pt-BR names and razões sociais.
// Order matters: the seed draws from these lists with a seeded PRNG, so reordering or editing
// them changes the generated demo (and the figures the end-to-end tests rely on).

export const femaleFirstNames = [
  "Maria", "Ana", "Francisca", "Antônia", "Adriana", "Juliana", "Márcia", "Fernanda", "Patrícia",
  "Aline", "Sandra", "Camila", "Amanda", "Bruna", "Jéssica", "Letícia", "Júlia", "Luciana",
  "Vanessa", "Mariana", "Gabriela", "Beatriz", "Larissa", "Rafaela", "Tatiane", "Daniela",
  "Renata", "Simone", "Cláudia", "Débora", "Priscila", "Raquel", "Carolina", "Isabela", "Lívia",
  "Natália", "Viviane", "Rosângela", "Elaine", "Helena", "Lúcia", "Tereza", "Conceição", "Sueli",
  "Jaqueline", "Cristiane", "Michele", "Thaís", "Yasmin", "Valéria",
];

export const maleFirstNames = [
  "José", "João", "Antônio", "Francisco", "Carlos", "Paulo", "Pedro", "Lucas", "Luiz", "Marcos",
  "Luís", "Gabriel", "Rafael", "Daniel", "Marcelo", "Bruno", "Eduardo", "Felipe", "Raimundo",
  "Rodrigo", "Manoel", "Mateus", "André", "Fernando", "Fábio", "Leonardo", "Gustavo", "Guilherme",
  "Leandro", "Tiago", "Anderson", "Ricardo", "Márcio", "Jorge", "Sebastião", "Alexandre",
  "Roberto", "Edson", "Diego", "Vitor", "Sérgio", "Cláudio", "Matheus", "Thiago", "Geraldo",
  "Adriano", "Luciano", "Júlio", "Renato", "Otávio",
];

export const surnames = [
  "Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves", "Pereira", "Lima",
  "Gomes", "Costa", "Ribeiro", "Martins", "Carvalho", "Almeida", "Lopes", "Soares", "Fernandes",
  "Vieira", "Barbosa", "Rocha", "Dias", "Nascimento", "Andrade", "Moreira", "Nunes", "Marques",
  "Machado", "Mendes", "Freitas", "Cardoso", "Ramos", "Gonçalves", "Santana", "Teixeira",
  "Araújo", "Pinto", "Correia", "Cavalcanti", "Bezerra", "Monteiro", "Moura", "Batista", "Campos",
  "Azevedo", "Castro", "Brito", "Rezende", "Queiroz", "Farias", "Sampaio", "Coelho", "Pires",
  "Barros", "Siqueira", "Tavares", "Figueiredo", "Magalhães", "Nogueira", "Xavier",
];

// Surnames that usually carry their particle ("Maria da Silva", "João dos Santos").
export const particleSurnames = [
  "da Silva", "dos Santos", "de Oliveira", "de Souza", "da Costa", "do Nascimento", "dos Reis",
  "de Jesus", "da Conceição", "de Almeida", "da Cruz", "de Lima", "das Neves", "da Rocha",
];

// Lower-case words dropped when an e-mail address is derived from a name.
export const nameParticles = ["da", "de", "do", "das", "dos", "e"];

// Razões sociais of small and mid-sized Brazilian companies, as they appear on a CNPJ card.
export const companyNames = [
  "Padaria Bom Pão Ltda",
  "Bezerra & Filhos Comércio ME",
  "Supermercado Estrela do Norte Ltda",
  "Auto Peças Rodovia Eireli",
  "Farmácia Vida Saudável Ltda",
  "Construtora Alicerce Forte S.A.",
  "Distribuidora de Bebidas Litoral Ltda",
  "Oliveira & Santos Advogados Associados",
  "Mercadinho Família Feliz ME",
  "Transportadora Rota Sul Ltda",
  "Clínica Odontológica Sorriso Ltda",
  "Açougue Boi Nobre ME",
  "Papelaria Lápis de Cor Ltda",
  "Tecnologia Horizonte Sistemas Ltda",
  "Restaurante Sabor Mineiro Ltda",
  "Ótica Visão Clara ME",
  "Lojas Pereira Calçados Ltda",
  "Agropecuária Campo Verde Ltda",
  "Hotel Pousada Mar Azul Ltda",
  "Serralheria Ferro & Arte ME",
  "Academia Corpo em Forma Ltda",
  "Metalúrgica Aço Paulista S.A.",
  "Escola Infantil Pequeno Príncipe Ltda",
  "Material de Construção Tijolão Ltda",
  "Pet Shop Amigo Fiel ME",
  "Gráfica Impressão Rápida Ltda",
  "Laboratório Análises Clínicas Vital Ltda",
  "Costa Engenharia e Projetos Ltda",
  "Imobiliária Casa Nova Ltda",
  "Lavanderia Limpeza Total ME",
  "Cerâmica São Jorge Ltda",
  "Confecções Moda Brasil Ltda",
  "Marcenaria Madeira de Lei ME",
  "Informática Byte Certo Ltda",
  "Sorveteria Gelato Tropical ME",
  "Contabilidade Almeida & Associados S/S",
  "Frigorífico Vale do Rio Ltda",
  "Hortifruti Colheita Fresca Ltda",
  "Drogaria Popular do Povo Ltda",
  "Vidraçaria Cristal ME",
  "Móveis Rocha Indústria e Comércio Ltda",
  "Posto de Combustível Via Expressa Ltda",
  "Livraria Saber Ltda",
  "Buffet Festa Boa ME",
  "Eletrônicos Nova Era Comércio Ltda",
  "Floricultura Jardim Encantado ME",
  "Logística Integrada Atlântico S.A.",
  "Salão de Beleza Bela Vista ME",
  "Cooperativa Agrícola Terra Boa",
  "Indústria de Alimentos Sabor do Campo S.A.",
];

export const emailDomains = ["exemplo.com.br", "email.com", "empresa.com.br"];

// Capitals' area codes, so phone numbers look like real Brazilian ones.
export const areaCodes = ["11", "21", "31", "41", "51", "61", "71", "81", "85"];

export const demoTags = ["vip", "inadimplente", "novo", "recorrente", "b2b"];
